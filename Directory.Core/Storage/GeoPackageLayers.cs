using Directory.Core.Geo;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
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

    /// <summary>Every layer with a geometry column, each with a spatial index (<see cref="CreateSpatialIndexes"/>).</summary>
    public static readonly IReadOnlyList<string> GeometryLayers =
        [Municipalities, Districts, GovernmentRegions, Postcodes, PopulationGrid, FamilyManagers, RoadNetwork];

    /// <summary>The name of the GeoPackage R-tree extension in <c>gpkg_extensions</c>.</summary>
    public const string RtreeExtension = "gpkg_rtree_index";

    /// <summary>"GPKG" as the big-endian integer SQLite stores in its header (spec requirement 2).</summary>
    public const int ApplicationId = 0x47504B47;

    /// <summary>GeoPackage version 1.3 as SQLite's user_version (spec requirement 2).</summary>
    public const int UserVersion = 10300;

    /// <summary>
    /// Creates the mandatory metadata tables and the CRS rows the spec requires (-1, 0, 4326) plus EPSG:25832.
    /// Called from the first migration; the file header is <see cref="MarkAsGeoPackageAsync"/>'s job.
    /// </summary>
    public static void CreateMetadataTables(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE gpkg_spatial_ref_sys (
              srs_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL PRIMARY KEY,
              organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL,
              definition TEXT NOT NULL,
              description TEXT
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE gpkg_contents (
              table_name TEXT NOT NULL PRIMARY KEY,
              data_type TEXT NOT NULL,
              identifier TEXT UNIQUE,
              description TEXT DEFAULT '',
              last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
              srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE gpkg_geometry_columns (
              table_name TEXT NOT NULL,
              column_name TEXT NOT NULL,
              geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL,
              z TINYINT NOT NULL,
              m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT uk_gc_table_name UNIQUE (table_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
            );
            """);

        InsertSpatialReferenceSystem(migrationBuilder, "Undefined cartesian SRS", -1, "NONE", -1, "undefined",
            "undefined cartesian coordinate reference system");
        InsertSpatialReferenceSystem(migrationBuilder, "Undefined geographic SRS", 0, "NONE", 0, "undefined",
            "undefined geographic coordinate reference system");
        InsertSpatialReferenceSystem(migrationBuilder, "WGS 84 geodetic", Crs.Wgs84, "EPSG", Crs.Wgs84, Crs.Wgs84Wkt,
            "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid");
        InsertSpatialReferenceSystem(migrationBuilder, "ETRS89 / UTM zone 32N", Crs.Etrs89Utm32N, "EPSG", Crs.Etrs89Utm32N,
            Crs.Etrs89Utm32NWkt, "ETRS89 / UTM zone 32N, metres; the official CRS of NRW geodata");
    }

    /// <summary>Registers a feature table as a GeoPackage layer (gpkg_contents and gpkg_geometry_columns).</summary>
    public static void RegisterLayer(MigrationBuilder migrationBuilder, string table, string geometryType, int srid,
        string identifier, string description)
    {
        migrationBuilder.InsertData("gpkg_contents",
            ["table_name", "data_type", "identifier", "description", "srs_id"],
            ["TEXT", "TEXT", "TEXT", "TEXT", "INTEGER"],
            [table, "features", identifier, description, srid]);
        migrationBuilder.InsertData("gpkg_geometry_columns",
            ["table_name", "column_name", "geometry_type_name", "srs_id", "z", "m"],
            ["TEXT", "TEXT", "TEXT", "INTEGER", "TINYINT", "TINYINT"],
            [table, GeometryColumn, geometryType, srid, 0, 0]);
    }

    /// <summary>Registers a table without geometry, so that GIS clients list it (data_type <c>attributes</c>).</summary>
    public static void RegisterAttributeTable(MigrationBuilder migrationBuilder, string table, string identifier, string description) =>
        migrationBuilder.InsertData("gpkg_contents",
            ["table_name", "data_type", "identifier", "description"],
            ["TEXT", "TEXT", "TEXT", "TEXT"],
            [table, "attributes", identifier, description]);

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

    /// <summary>
    /// Adds the GeoPackage R-tree spatial index extension (annex F.3) to each of <paramref name="layers"/>:
    /// the <c>gpkg_extensions</c> table and row, the virtual table <c>rtree_&lt;layer&gt;_geom</c>, the six triggers of
    /// GeoPackage 1.3 that keep it current (the same SQL as GDAL writes), and the index of the rows already there.
    /// </summary>
    public static void CreateSpatialIndexes(MigrationBuilder migrationBuilder, IEnumerable<string> layers)
    {
        migrationBuilder.Sql("""
            CREATE TABLE IF NOT EXISTS gpkg_extensions (
              table_name TEXT,
              column_name TEXT,
              extension_name TEXT NOT NULL,
              definition TEXT NOT NULL,
              scope TEXT NOT NULL,
              CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
            );
            """);
        const string c = GeometryColumn;
        const string i = "fid";
        foreach (var t in layers)
        {
            var rtree = $"rtree_{t}_{c}";
            var values = $"NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})";
            migrationBuilder.Sql("INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
                + $"VALUES ('{t}', '{c}', '{RtreeExtension}', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')");
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE \"{rtree}\" USING rtree(id, minx, maxx, miny, maxy)");
            migrationBuilder.Sql(SpatialIndexInsertTrigger(t));
            migrationBuilder.Sql($"CREATE TRIGGER \"{rtree}_update1\" AFTER UPDATE OF {c} ON \"{t}\" "
                + $"WHEN OLD.{i} = NEW.{i} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c})) "
                + $"BEGIN INSERT OR REPLACE INTO \"{rtree}\" VALUES ({values}); END");
            migrationBuilder.Sql($"CREATE TRIGGER \"{rtree}_update2\" AFTER UPDATE OF {c} ON \"{t}\" "
                + $"WHEN OLD.{i} = NEW.{i} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c})) "
                + $"BEGIN DELETE FROM \"{rtree}\" WHERE id = OLD.{i}; END");
            migrationBuilder.Sql($"CREATE TRIGGER \"{rtree}_update3\" AFTER UPDATE ON \"{t}\" "
                + $"WHEN OLD.{i} != NEW.{i} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c})) "
                + $"BEGIN DELETE FROM \"{rtree}\" WHERE id = OLD.{i}; INSERT OR REPLACE INTO \"{rtree}\" VALUES ({values}); END");
            migrationBuilder.Sql($"CREATE TRIGGER \"{rtree}_update4\" AFTER UPDATE ON \"{t}\" "
                + $"WHEN OLD.{i} != NEW.{i} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c})) "
                + $"BEGIN DELETE FROM \"{rtree}\" WHERE id IN (OLD.{i}, NEW.{i}); END");
            migrationBuilder.Sql($"CREATE TRIGGER \"{rtree}_delete\" AFTER DELETE ON \"{t}\" "
                + $"WHEN old.{c} NOT NULL "
                + $"BEGIN DELETE FROM \"{rtree}\" WHERE id = OLD.{i}; END");
            migrationBuilder.Sql($"INSERT OR REPLACE INTO \"{rtree}\" SELECT {i}, ST_MinX({c}), ST_MaxX({c}), ST_MinY({c}), ST_MaxY({c}) "
                + $"FROM \"{t}\" WHERE {c} NOT NULL AND NOT ST_IsEmpty({c})");
        }
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

    /// <summary>Removes what <see cref="CreateSpatialIndexes"/> made.</summary>
    public static void DropSpatialIndexes(MigrationBuilder migrationBuilder, IEnumerable<string> layers)
    {
        foreach (var t in layers)
        {
            var rtree = $"rtree_{t}_{GeometryColumn}";
            foreach (var trigger in new[] { "insert", "update1", "update2", "update3", "update4", "delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{rtree}_{trigger}\"");
            }

            migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{rtree}\"");
            migrationBuilder.Sql($"DELETE FROM gpkg_extensions WHERE extension_name = '{RtreeExtension}' AND table_name = '{t}'");
        }
    }

    private static void InsertSpatialReferenceSystem(MigrationBuilder migrationBuilder, string name, int srid,
        string organization, int organizationId, string definition, string description) =>
        migrationBuilder.InsertData("gpkg_spatial_ref_sys",
            ["srs_name", "srs_id", "organization", "organization_coordsys_id", "definition", "description"],
            ["TEXT", "INTEGER", "TEXT", "INTEGER", "TEXT", "TEXT"],
            [name, srid, organization, organizationId, definition, description]);
}
