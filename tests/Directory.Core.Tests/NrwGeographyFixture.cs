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
}

[CollectionDefinition(Name)]
public sealed class NrwGeographyCollection : ICollectionFixture<NrwGeographyFixture>
{
    public const string Name = "NRW geography";
}
