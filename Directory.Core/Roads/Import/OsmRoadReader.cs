using System.Buffers.Binary;
using Directory.Core.Geo;
using Directory.Core.Texts;
using OsmSharp;
using OsmSharp.Streams;

namespace Directory.Core.Roads.Import;

/// <summary>
/// Reads an OpenStreetMap extract (PBF) into a <see cref="RoadGraph"/>, in two passes over the file, so that only
/// the nodes of roads are ever held: first the ways (which of them are roads for car or foot, <see cref="RoadProfile"/>,
/// and which nodes they use), then those nodes' positions. A node used by two ways, or at the end of one, becomes a
/// junction; the nodes between two junctions only add to the length of the stretch (measured on the ellipsoid's
/// local plane, as a route planner does), so the network keeps junctions, not every bend.
/// <para>Before any of that the file's block structure is walked (<see cref="PbfBlocks"/>): a file that is not a PBF,
/// or one that ends inside a block (a download cut short), is refused with a message saying so.</para>
/// </summary>
public static class OsmRoadReader
{
    private const double EarthRadiusMetres = 6_371_008.8;
    private const int ProgressEvery = 1_000_000;

    // A limit that keeps a hostile file from taking the machine's memory (the blocks': PbfBlocks): NRW's extract has
    // about 30 million nodes on roads.
    private const int MaxRoadNodeReferences = 100_000_000;

    // Nodes farther out than this margin around NRW's box are not read: a road leaving the state ends there.
    private const double MarginDegrees = 0.3;

    /// <summary>Reads <paramref name="path"/>; a <see cref="RoadImportException"/> names what is wrong with it.</summary>
    public static RoadGraph Read(string path, IProgress<RoadImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new RoadImportException(string.Format(RoadTexts.NotFound, path));
        }

        PbfBlocks.Check(path, name);
        try
        {
            return ReadChecked(path, name, progress, cancellationToken);
        }
        catch (Exception ex) when (ex is not (RoadImportException or OperationCanceledException or OutOfMemoryException))
        {
            throw new RoadImportException(string.Format(RoadTexts.Damaged, name, ex.Message), ex);
        }
    }

    private static RoadGraph ReadChecked(string path, string name, IProgress<RoadImportProgress>? progress, CancellationToken cancellationToken)
    {
        // Pass 1: the roads and the nodes they use, in order.
        List<long>? refs = [];
        var wayStart = new List<int>();
        var access = new List<RoadAccess>();
        long seen = 0;
        using (var stream = File.OpenRead(path))
        {
            var source = new PBFOsmStreamSource(stream);
            while (source.MoveNext(ignoreNodes: true, ignoreWays: false, ignoreRelations: true))
            {
                if (++seen % ProgressEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new("ways", seen));
                }

                if (source.Current() is not Way { Nodes.Length: >= 2, Tags: { } tags } way)
                {
                    continue;
                }

                var road = RoadProfile.Classify(key => tags.TryGetValue(key, out var value) ? value : null);
                if (!road.IsRoad)
                {
                    continue;
                }

                if (refs.Count + way.Nodes.Length > MaxRoadNodeReferences)
                {
                    throw new RoadImportException(string.Format(RoadTexts.TooManyRoads, name, MaxRoadNodeReferences));
                }

                wayStart.Add(refs.Count);
                access.Add(road);
                refs.AddRange(way.Nodes);
            }
        }

        if (access.Count == 0)
        {
            throw new RoadImportException(string.Format(RoadTexts.NoRoads, name));
        }

        wayStart.Add(refs.Count);

        // The nodes of roads, once each, sorted; how often each is used (twice or more: a junction).
        var ids = refs.ToArray();
        Array.Sort(ids);
        var unique = 0;
        var uses = new byte[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            if (unique > 0 && ids[unique - 1] == ids[i])
            {
                uses[unique - 1] = (byte)Math.Min(uses[unique - 1] + 1, 2);
            }
            else
            {
                ids[unique] = ids[i];
                uses[unique++] = 1;
            }
        }

        Array.Resize(ref ids, unique);
        Array.Resize(ref uses, unique);
        var refAt = new int[refs.Count];
        for (var k = 0; k < refAt.Length; k++)
        {
            refAt[k] = Array.BinarySearch(ids, refs[k]);
        }

        refs = null;

        // Pass 2: their positions (1e-7 degrees, OpenStreetMap's own precision).
        var lat = new int[unique];
        var lon = new int[unique];
        var known = new bool[unique];
        var area = new NetTopologySuite.Geometries.Envelope(NrwExtent.Wgs84);
        area.ExpandBy(MarginDegrees);
        long inside = 0, outside = 0;
        seen = 0;
        using (var stream = File.OpenRead(path))
        {
            var source = new PBFOsmStreamSource(stream);
            while (source.MoveNext(ignoreNodes: false, ignoreWays: true, ignoreRelations: true))
            {
                if (++seen % ProgressEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new("nodes", seen));
                }

                if (source.Current() is Node { Id: { } id, Latitude: { } latitude, Longitude: { } longitude }
                    && Array.BinarySearch(ids, id) is var at and >= 0)
                {
                    if (!area.Contains(longitude, latitude))
                    {
                        outside++;
                        continue;
                    }

                    (lat[at], lon[at], known[at]) = ((int)Math.Round(latitude * 1e7), (int)Math.Round(longitude * 1e7), true);
                    inside++;
                }
            }
        }

        // An extract of elsewhere (or a projection gone wrong) would give minutes that mean nothing here.
        if (outside > inside)
        {
            throw new RoadImportException(string.Format(RoadTexts.OutsideNrw, name, inside, inside + outside));
        }

        // The stretches between junctions. A node missing from the extract (cut at its edge) ends the stretch before it.
        var graphNode = new int[unique];
        Array.Fill(graphNode, -1);
        var graphLat = new List<int>();
        var graphLon = new List<int>();
        int GraphNode(int at)
        {
            if (graphNode[at] < 0)
            {
                graphNode[at] = graphLat.Count;
                graphLat.Add(lat[at]);
                graphLon.Add(lon[at]);
            }

            return graphNode[at];
        }

        var edges = new List<RoadEdge>();
        for (var w = 0; w < access.Count; w++)
        {
            if (w % 100_000 == 0 && w > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new("graph", w));
            }

            var road = access[w];
            var (start, previous, metres) = (-1, -1, 0.0);
            for (var k = wayStart[w]; k < wayStart[w + 1]; k++)
            {
                var at = refAt[k];
                if (!known[at])
                {
                    if (previous >= 0 && start != GraphNode(previous))
                    {
                        edges.Add(new(start, GraphNode(previous), (float)metres, road.CarForwardKmh, road.CarBackwardKmh, road.Foot));
                    }

                    (start, previous, metres) = (-1, -1, 0.0);
                    continue;
                }

                if (previous < 0)
                {
                    (start, previous, metres) = (GraphNode(at), at, 0.0);
                    continue;
                }

                metres += Metres(lat[previous], lon[previous], lat[at], lon[at]);
                previous = at;
                if (uses[at] >= 2 || k == wayStart[w + 1] - 1 || !known[refAt[k + 1]])
                {
                    var end = GraphNode(at);
                    edges.Add(new(start, end, (float)metres, road.CarForwardKmh, road.CarBackwardKmh, road.Foot));
                    (start, metres) = (end, 0.0);
                }
            }
        }

        var count = graphLat.Count;
        var x = new int[count];
        var y = new int[count];
        var inNrw = 0;
        for (var n = 0; n < count; n++)
        {
            var (px, py) = Reprojector.Transform(graphLon[n] / 1e7, graphLat[n] / 1e7, Crs.Wgs84, Crs.Etrs89Utm32N);
            (x[n], y[n]) = ((int)Math.Round(px), (int)Math.Round(py));
            if (NrwExtent.Etrs89Utm32N.Contains(px, py))
            {
                inNrw++;
            }
        }

        if (count == 0 || edges.Count == 0)
        {
            throw new RoadImportException(string.Format(RoadTexts.NoRoads, name));
        }

        // An extract of elsewhere (or a projection gone wrong) would give minutes that mean nothing here.
        if (inNrw * 2 < count)
        {
            throw new RoadImportException(string.Format(RoadTexts.OutsideNrw, name, inNrw, count));
        }

        return RoadGraph.Build(x, y, edges);
    }

    /// <summary>Length of a short stretch between two positions (1e-7 degrees), on the local tangent plane.</summary>
    private static double Metres(int lat1, int lon1, int lat2, int lon2)
    {
        const double radians = Math.PI / 180 / 1e7;
        var dy = (lat2 - lat1) * radians * EarthRadiusMetres;
        var dx = (lon2 - lon1) * radians * EarthRadiusMetres * Math.Cos((lat1 + lat2) / 2.0 * radians);
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
