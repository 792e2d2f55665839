using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;

namespace Directory.Testing;

/// <summary>Small OpenStreetMap PBF files written for tests, with OsmSharp's own writer.</summary>
internal static class OsmFiles
{
    /// <summary>
    /// Writes <paramref name="path"/>: one node per position (WGS84 lon/lat, ids from 1), and one way per entry of
    /// <paramref name="ways"/> over the given node ids with a <c>highway</c> tag (null: no way at all).
    /// </summary>
    public static void Write(string path, (double Lon, double Lat)[] nodes, (long[] Nodes, string Highway)[] ways)
    {
        using var stream = File.Create(path);
        var target = new PBFOsmStreamTarget(stream);
        target.Initialize();
        var stamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < nodes.Length; i++)
        {
            target.AddNode(new Node
            {
                Id = i + 1, Longitude = nodes[i].Lon, Latitude = nodes[i].Lat, Version = 1, ChangeSetId = 1, TimeStamp = stamp,
                UserId = 1, UserName = "test", Visible = true, Tags = new TagsCollection(),
            });
        }

        for (var w = 0; w < ways.Length; w++)
        {
            target.AddWay(new Way
            {
                Id = w + 1, Nodes = ways[w].Nodes, Version = 1, ChangeSetId = 1, TimeStamp = stamp, UserId = 1, UserName = "test",
                Visible = true, Tags = new TagsCollection(new Tag("highway", ways[w].Highway)),
            });
        }

        target.Flush();
        target.Close();
    }
}
