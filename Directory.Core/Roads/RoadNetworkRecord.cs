using NetTopologySuite.Geometries;

namespace Directory.Core.Roads;

/// <summary>
/// Layer <c>strassennetz</c>: the imported road network, one row — where it came from, when, its size, and its extent
/// as the geometry, so that a GIS lists the layer and shows the area it covers. The network itself is in
/// <see cref="RoadNetworkPart"/>s.
/// </summary>
public sealed class RoadNetworkRecord
{
    /// <summary>Always 1: there is one network.</summary>
    public int Id { get; set; }

    /// <summary>The file it was imported from (its name).</summary>
    public required string Source { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime ImportedAt { get; set; }

    /// <summary>Junctions and ends of roads.</summary>
    public int Nodes { get; set; }

    /// <summary>Stretches of road between them.</summary>
    public long Edges { get; set; }

    /// <summary>The format of the parts (<see cref="RoadNetwork.Format"/>).</summary>
    public required string Format { get; set; }

    /// <summary>The bounding box of the network (EPSG:25832).</summary>
    public required Polygon Extent { get; set; }
}

/// <summary>
/// Table <c>strassennetz_teile</c>: the stored network (<see cref="RoadNetwork.Write"/>) in parts of at most 16 MB, in
/// order of <see cref="Id"/> — no database has to hold one value of a few hundred MB. Not a layer.
/// </summary>
public sealed class RoadNetworkPart
{
    /// <summary>The part's place in the sequence, from 0.</summary>
    public int Id { get; set; }

    /// <summary>Its bytes.</summary>
    public required byte[] Data { get; set; }
}
