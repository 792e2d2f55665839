using Directory.Core.Roads;
using Directory.Core.Roads.Import;
using Directory.Testing;

namespace Directory.Core.Tests.Roads;

/// <summary>The road network of the Aachen extract (tests/TestData/osm), read once for the tests that share it.</summary>
public sealed class AachenNetworkFixture
{
    /// <summary>The network.</summary>
    public RoadNetwork Network { get; } = OsmRoadReader.Read(RepositoryPaths.OsmExtract("aachen.osm.pbf"));
}

[CollectionDefinition(Name)]
public sealed class AachenNetworkCollection : ICollectionFixture<AachenNetworkFixture>
{
    public const string Name = "Aachen road network";
}
