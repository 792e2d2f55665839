using Directory.Core.Geography;
using Directory.Core.Geography.Import;
using Directory.Core.Snapshot;
using Directory.Testing;

namespace Directory.Core.Tests;

/// <summary>The real NRW geography from <c>data/</c>, read and checked once for all tests that only read it.</summary>
public sealed class NrwGeographyFixture
{
    public NrwGeographyFixture()
    {
        Data = GeographyImporter.Load(GeographySources.InDirectory(RepositoryPaths.Data));
        Municipalities = Data.Municipalities
            .OrderBy(m => m.Ags, StringComparer.Ordinal)
            .Select(m => new Region(RegionLevel.Gemeinde, m.Ags, m.Name, m.OfficialName, m.Type, m.DistrictKey,
                m.GovernmentRegionKey, m.Population, m.AreaKm2, m.Boundary,
                m.Boundary.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(m.InteriorEasting, m.InteriorNorthing))))
            .ToList();
    }

    public GeographyData Data { get; }

    /// <summary>The municipalities as the snapshot holds them.</summary>
    public IReadOnlyList<Region> Municipalities { get; }

    /// <summary>The coverage grid of the real geography, built as the snapshot builds it.</summary>
    public Core.Coverage.CoverageGrid CoverageGrid() => coverageGrid ??= new(
        Data.Municipalities.Select(m => new Core.Coverage.CoverageMunicipality(m.Ags, m.Name, m.DistrictKey, m.GovernmentRegionKey, m.Population,
            new NetTopologySuite.Geometries.Coordinate(m.InteriorEasting, m.InteriorNorthing))),
        Data.Districts.ToDictionary(d => d.Key, d => d.Name),
        Data.GovernmentRegions.ToDictionary(r => r.Key, r => r.Name),
        Data.PopulationCells.Select(c => new Core.Coverage.CoverageCell(c.Ags, c.Location.X, c.Location.Y, c.Population, c.Children)));

    private Core.Coverage.CoverageGrid? coverageGrid;
}

[CollectionDefinition(Name)]
public sealed class NrwGeographyCollection : ICollectionFixture<NrwGeographyFixture>
{
    public const string Name = "NRW geography";
}
