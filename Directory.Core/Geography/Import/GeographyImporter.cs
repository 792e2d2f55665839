using Directory.Core.Storage;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Directory.Core.Geography.Import;

/// <summary>What a geography import wrote.</summary>
public sealed record GeographyImportResult(int Municipalities, int Districts, int GovernmentRegions, int Postcodes,
    int PopulationCells, int MunicipalitySourceSrid);

/// <summary>
/// The one path by which NRW's geography enters the directory: read and check every file completely, then replace the
/// four layers in one transaction. Any problem means nothing is written, so the database stays exactly as it was.
/// </summary>
public static class GeographyImporter
{
    /// <summary>Reads and checks the files; throws <see cref="GeographyImportException"/> listing every problem.</summary>
    public static GeographyData Load(GeographySources sources)
    {
        var problems = new List<ImportProblem>();

        var municipalityLayer = GeoJsonLayerReader.Read(sources.Municipalities, problems);
        var districtLayer = GeoJsonLayerReader.Read(sources.Districts, problems);
        var regionLayer = GeoJsonLayerReader.Read(sources.GovernmentRegions, problems);
        var postcodes = GeographyReader.ReadPostcodes(sources.Postcodes, problems);
        var cells = GeographyReader.ReadPopulationGrid(sources.PopulationGrid, problems);
        if (municipalityLayer is null || districtLayer is null || regionLayer is null)
        {
            throw new GeographyImportException(problems);
        }

        GeographyConsistency.CheckCount(municipalityLayer, GeographyConsistency.ExpectedMunicipalities, problems);
        GeographyConsistency.CheckCount(districtLayer, GeographyConsistency.ExpectedDistricts, problems);
        GeographyConsistency.CheckCount(regionLayer, GeographyConsistency.ExpectedGovernmentRegions, problems);

        var municipalities = GeographyReader.ReadMunicipalities(municipalityLayer, problems);
        var districts = GeographyReader.ReadDistricts(districtLayer, problems);
        var regions = GeographyReader.ReadGovernmentRegions(regionLayer, problems);

        GeographyConsistency.CheckUniqueKeys(municipalityLayer.FileName, municipalities, m => m.Ags, "ags", problems);
        GeographyConsistency.CheckUniqueKeys(districtLayer.FileName, districts, d => d.Key, "kreis_ags", problems);
        GeographyConsistency.CheckUniqueKeys(regionLayer.FileName, regions, r => r.Key, "regbez_ags", problems);
        GeographyConsistency.CheckHierarchy(sources, municipalities, districts, regions,
            GeographyConsistency.DeclaredKeys(districtLayer, "kreis_ags"),
            GeographyConsistency.DeclaredKeys(regionLayer, "regbez_ags"), problems);
        var declaredAgs = GeographyConsistency.DeclaredKeys(municipalityLayer, "ags");
        GeographyConsistency.CheckPostcodes(sources, postcodes, declaredAgs, problems);
        GeographyConsistency.CheckPopulationGrid(sources, cells, declaredAgs, problems);

        if (problems.Count > 0)
        {
            throw new GeographyImportException(problems);
        }

        return new GeographyData(municipalities, districts, regions, postcodes, cells, municipalityLayer.Srid);
    }

    /// <summary>
    /// Imports the geography: <see cref="Load"/>, then replaces the four layers in one transaction and updates their
    /// extents in <c>gpkg_contents</c>. Running it again with the same files gives the same database content.
    /// </summary>
    public static async Task<GeographyImportResult> ImportAsync(DirectoryDbContext db, GeographySources sources,
        CancellationToken cancellationToken)
    {
        var data = Load(sources);
        await WriteAsync(db, data, cancellationToken);
        return new GeographyImportResult(data.Municipalities.Count, data.Districts.Count, data.GovernmentRegions.Count,
            data.Postcodes.Count, data.PopulationCells.Count, data.MunicipalitySourceSrid);
    }

    /// <summary>
    /// Replaces the five layers with <paramref name="data"/> in one transaction and updates their extents in
    /// <c>gpkg_contents</c>. The schema must be migrated.
    /// </summary>
    public static async Task WriteAsync(DirectoryDbContext db, GeographyData data, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        await db.Postcodes.ExecuteDeleteAsync(cancellationToken);
        await db.PopulationCells.ExecuteDeleteAsync(cancellationToken);
        await db.Municipalities.ExecuteDeleteAsync(cancellationToken);
        await db.Districts.ExecuteDeleteAsync(cancellationToken);
        await db.GovernmentRegions.ExecuteDeleteAsync(cancellationToken);

        db.GovernmentRegions.AddRange(data.GovernmentRegions);
        db.Districts.AddRange(data.Districts);
        db.Municipalities.AddRange(data.Municipalities);
        db.Postcodes.AddRange(data.Postcodes);
        await db.SaveChangesAsync(cancellationToken);
        await Rows.InsertAsync(db, data.PopulationCells, cancellationToken);

        await GeoPackageLayers.UpdateContentsAsync(db, GeoPackageLayers.PopulationGrid, Extent(data.PopulationCells.Select(c => c.Location)), cancellationToken);
        await GeoPackageLayers.UpdateContentsAsync(db, GeoPackageLayers.Municipalities, Extent(data.Municipalities.Select(m => m.Boundary)), cancellationToken);
        await GeoPackageLayers.UpdateContentsAsync(db, GeoPackageLayers.Districts, Extent(data.Districts.Select(d => d.Boundary)), cancellationToken);
        await GeoPackageLayers.UpdateContentsAsync(db, GeoPackageLayers.GovernmentRegions, Extent(data.GovernmentRegions.Select(r => r.Boundary)), cancellationToken);
        await GeoPackageLayers.UpdateContentsAsync(db, GeoPackageLayers.Postcodes, Extent(data.Postcodes.Select(p => p.Location)), cancellationToken);
        await DirectoryState.BumpGeographyAsync(db, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static Envelope Extent(IEnumerable<Geometry> geometries)
    {
        var extent = new Envelope();
        foreach (var geometry in geometries)
        {
            extent.ExpandToInclude(geometry.EnvelopeInternal);
        }

        return extent;
    }
}
