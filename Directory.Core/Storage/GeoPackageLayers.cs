using Directory.Core.Geo;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Directory.Core.Storage;

/// <summary>
/// The GeoPackage 1.3 side of the database: the layer names, the <c>gpkg_*</c> metadata tables that make the SQLite
/// file a GeoPackage (created by the migrations), and the bookkeeping that keeps <c>gpkg_contents</c> current.
/// Spec: OGC 12-128r18, GeoPackage Encoding Standard 1.3.1.
/// </summary>
public static class GeoPackageLayers
{
    /// <summary>Layer of the 396 municipalities.</summary>
    public const string Municipalities = "gemeinden";

    /// <summary>Layer of the 53 Kreise and kreisfreie Städte.</summary>
    public const string Districts = "kreise";

    /// <summary>Layer of the 5 Regierungsbezirke.</summary>
    public const string GovernmentRegions = "regierungsbezirke";

    /// <summary>Layer of the postcode points.</summary>
    public const string Postcodes = "postleitzahlen";

    /// <summary>Layer of the inhabited 1 km population cells (Zensus 2022, with residents under 15).</summary>
    public const string PopulationGrid = "bevoelkerung_1km";

    /// <summary>Layer of the certified family managers.</summary>
    public const string FamilyManagers = "familienmanager";

    /// <summary>Layer of the imported road network: one row with its source, size and extent.</summary>
    public const string RoadNetwork = "strassennetz";

    /// <summary>Table (not a layer) of the stored road network's parts.</summary>
    public const string RoadNetworkParts = "strassennetz_teile";

    /// <summary>Attribute table (no geometry) of list imports.</summary>
    public const string ImportHistory = "import_history";

    /// <summary>The geometry column of every layer.</summary>
    public const string GeometryColumn = "geom";

    /// <summary>Every layer with a geometry column, each with a spatial index (the GeoPackage R-tree extension, created by the baseline migration).</summary>
    public static readonly IReadOnlyList<string> GeometryLayers =
        [Municipalities, Districts, GovernmentRegions, Postcodes, PopulationGrid, FamilyManagers, RoadNetwork];

    /// <summary>The name of the GeoPackage R-tree extension in <c>gpkg_extensions</c>.</summary>
    public const string RtreeExtension = "gpkg_rtree_index";

    /// <summary>"GPKG" as the big-endian integer SQLite stores in its header (spec requirement 2).</summary>
    public const int ApplicationId = 0x47504B47;

    /// <summary>GeoPackage version 1.3 as SQLite's user_version (spec requirement 2).</summary>
    public const int UserVersion = 10300;

    /// <summary>
    /// Writes the GeoPackage identifiers into the SQLite header (application_id "GPKG", user_version 10300) where
    /// they are missing. Kept out of the migrations because header PRAGMAs cannot run in a migration's transaction.
    /// </summary>
    public static async Task MarkAsGeoPackageAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var applicationId = await db.Database.SqlQueryRaw<int>("SELECT application_id AS Value FROM pragma_application_id")
            .SingleAsync(cancellationToken);
        if (applicationId != ApplicationId)
        {
            await db.Database.ExecuteSqlRawAsync($"PRAGMA application_id = {ApplicationId}", cancellationToken);
            await db.Database.ExecuteSqlRawAsync($"PRAGMA user_version = {UserVersion}", cancellationToken);
        }
    }

    /// <summary>
    /// Records a layer's new extent and change time in <c>gpkg_contents</c>, as the spec asks of every writer.
    /// Call inside the transaction that changed the layer.
    /// </summary>
    public static Task UpdateContentsAsync(DirectoryDbContext db, string table, Envelope extent, CancellationToken cancellationToken)
    {
        if (db is PostgisDirectoryDbContext)
        {
            // PostGIS keeps its own catalogue (geometry_columns) and computes extents on demand.
            return Task.CompletedTask;
        }

        var (minX, minY, maxX, maxY) = extent.IsNull
            ? ((double?)null, (double?)null, (double?)null, (double?)null)
            : (extent.MinX, extent.MinY, extent.MaxX, extent.MaxY);
        return db.Database.ExecuteSqlInterpolatedAsync(
            $"""
             UPDATE gpkg_contents
             SET min_x = {minX}, min_y = {minY}, max_x = {maxX}, max_y = {maxY},
                 last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now')
             WHERE table_name = {table}
             """,
            cancellationToken);
    }

    /// <summary>The R-tree table of a layer's geometry column.</summary>
    public static string SpatialIndexTable(string layer) => $"rtree_{layer}_{GeometryColumn}";

    /// <summary>The spatial index's insert trigger of <paramref name="layer"/>, as GeoPackage 1.3 (and GDAL) writes it.</summary>
    public static string SpatialIndexInsertTrigger(string layer)
    {
        const string c = GeometryColumn;
        var rtree = SpatialIndexTable(layer);
        return $"CREATE TRIGGER \"{rtree}_insert\" AFTER INSERT ON \"{layer}\" WHEN (new.{c} NOT NULL AND NOT ST_IsEmpty(NEW.{c})) "
            + $"BEGIN INSERT OR REPLACE INTO \"{rtree}\" VALUES (NEW.fid, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})); END";
    }

}
