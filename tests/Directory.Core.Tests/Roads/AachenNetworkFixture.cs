using Directory.Core.Roads;
using Directory.Core.Roads.Import;
using Directory.Testing;

namespace Directory.Core.Tests.Roads;

/// <summary>The road graph of the Aachen extract (tests/TestData/osm) and the network prepared from it, read once for the tests that share them.</summary>
public sealed class AachenNetworkFixture
{
    public AachenNetworkFixture()
    {
        Graph = OsmRoadReader.Read(RepositoryPaths.OsmExtract("aachen.osm.pbf"));
        Network = RoadNetwork.Prepare(Graph);
    }

    /// <summary>The graph as read.</summary>
    public RoadGraph Graph { get; }

    /// <summary>The network with its hierarchies.</summary>
    public RoadNetwork Network { get; }
}

[CollectionDefinition(Name)]
public sealed class AachenNetworkCollection : ICollectionFixture<AachenNetworkFixture>
{
    public const string Name = "Aachen road network";
}
