using Directory.Core.Geo;
using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;

namespace Directory.Seeds.Generator;

/// <summary>
/// A generated OpenStreetMap PBF: nodes given in EPSG:25832 (written in WGS84), then ways, every object with the same
/// version, changeset, time and user, as the road generators write them.
/// </summary>
internal sealed class GeneratedOsmFile : IDisposable
{
    private static readonly DateTime Stamp = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly FileStream stream;
    private readonly PBFOsmStreamTarget target;

    public GeneratedOsmFile(string path)
    {
        stream = File.Create(path);
        target = new PBFOsmStreamTarget(stream);
        target.Initialize();
    }

    /// <summary>Ways written so far.</summary>
    public long Ways { get; private set; }

    /// <summary>Writes node <paramref name="id"/> at (x, y) in EPSG:25832.</summary>
    public void Node(long id, double x, double y)
    {
        var (lon, lat) = Reprojector.Transform(x, y, Crs.Etrs89Utm32N, Crs.Wgs84);
        target.AddNode(new Node
        {
            Id = id, Longitude = lon, Latitude = lat, Version = 1, ChangeSetId = 1, TimeStamp = Stamp, UserId = 1,
            UserName = "generator", Visible = true, Tags = new TagsCollection(),
        });
    }

    /// <summary>Writes a way along <paramref name="nodes"/> with <paramref name="tags"/>.</summary>
    public void Way(IReadOnlyList<long> nodes, params Tag[] tags) => target.AddWay(new Way
    {
        Id = ++Ways, Nodes = [.. nodes], Version = 1, ChangeSetId = 1, TimeStamp = Stamp, UserId = 1, UserName = "generator",
        Visible = true, Tags = new TagsCollection(tags),
    });

    public void Dispose()
    {
        target.Flush();
        target.Close();
        stream.Dispose();
    }
}
