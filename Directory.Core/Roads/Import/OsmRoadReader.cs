using System.Buffers.Binary;
using Directory.Core.Geo;
using Directory.Core.Texts;
using OsmSharp;
using OsmSharp.Streams;

namespace Directory.Core.Roads.Import;

/// <summary>A problem with a road file: nothing was written. The message is for people (German).</summary>
public sealed class RoadImportException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>How far a road import is: the phase ("ways", "nodes", "graph") and the objects read in it.</summary>
public readonly record struct RoadImportProgress(string Phase, long Done);

/// <summary>
/// Reads an OpenStreetMap extract (PBF) into a <see cref="RoadNetwork"/>, in two passes over the file, so that only
/// the nodes of roads are ever held: first the ways (which of them are roads for car or foot, <see cref="RoadProfile"/>,
/// and which nodes they use), then those nodes' positions. A node used by two ways, or at the end of one, becomes a
/// junction; the nodes between two junctions only add to the length of the stretch (measured on the ellipsoid's
/// local plane, as a route planner does), so the network keeps junctions, not every bend.
/// <para>Before any of that the file's block structure is walked: a file that is not a PBF, or one that ends inside a
/// block (a download cut short), is refused with a message saying so, rather than read as far as it goes.</para>
/// </summary>
public static class OsmRoadReader
{
    private const double EarthRadiusMetres = 6_371_008.8;
    private const int ProgressEvery = 1_000_000;

    // Limits that keep a hostile file from taking the machine's memory. The format's own: a blob of at most 32 MiB,
    // compressed or not. Ours: NRW's extract has a few thousand blocks and about 30 million nodes on roads.
    private const int MaxBlobBytes = 32 << 20;
    private const int MaxBlocks = 100_000;
    private const int MaxRoadNodeReferences = 100_000_000;

    // Nodes farther out than this margin around NRW's box are not read: a road leaving the state ends there.
    private const double MarginDegrees = 0.3;

    /// <summary>Reads <paramref name="path"/>; a <see cref="RoadImportException"/> names what is wrong with it.</summary>
    public static RoadNetwork Read(string path, IProgress<RoadImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new RoadImportException(string.Format(RoadTexts.NotFound, path));
        }

        CheckBlocks(path, name);
        try
        {
            return ReadChecked(path, name, progress, cancellationToken);
        }
        catch (Exception ex) when (ex is not (RoadImportException or OperationCanceledException or OutOfMemoryException))
        {
            throw new RoadImportException(string.Format(RoadTexts.Damaged, name, ex.Message), ex);
        }
    }

    private static RoadNetwork ReadChecked(string path, string name, IProgress<RoadImportProgress>? progress, CancellationToken cancellationToken)
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

        return RoadNetwork.Build(x, y, edges);
    }

    /// <summary>Length of a short stretch between two positions (1e-7 degrees), on the local tangent plane.</summary>
    private static double Metres(int lat1, int lon1, int lat2, int lon2)
    {
        const double radians = Math.PI / 180 / 1e7;
        var dy = (lat2 - lat1) * radians * EarthRadiusMetres;
        var dx = (lon2 - lon1) * radians * EarthRadiusMetres * Math.Cos((lat1 + lat2) / 2.0 * radians);
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>
    /// Walks the PBF's blocks (OSM PBF format: a 4-byte big-endian length, a BlobHeader whose field 1 is the type and
    /// field 3 the size of the blob that follows): the first must be "OSMHeader", and the file must end where a
    /// block ends.
    /// </summary>
    private static void CheckBlocks(string path, string name)
    {
        using var stream = File.OpenRead(path);
        var length = stream.Length;
        long position = 0;
        var block = 0;
        Span<byte> prefix = stackalloc byte[4];
        var header = new byte[64 * 1024];
        var blob = new byte[MaxBlobBytes];
        while (position < length)
        {
            if (++block > MaxBlocks)
            {
                throw new RoadImportException(string.Format(RoadTexts.TooManyBlocks, name, MaxBlocks));
            }

            if (length - position < 4)
            {
                throw Truncated();
            }

            stream.ReadExactly(prefix);
            var headerLength = BinaryPrimitives.ReadInt32BigEndian(prefix);
            if (headerLength <= 0 || headerLength > header.Length)
            {
                throw block == 1 ? new RoadImportException(string.Format(RoadTexts.NotPbf, name)) : new RoadImportException(string.Format(RoadTexts.Damaged, name, $"block {block}"));
            }

            if (length - position - 4 < headerLength)
            {
                throw block == 1 ? new RoadImportException(string.Format(RoadTexts.NotPbf, name)) : Truncated();
            }

            stream.ReadExactly(header.AsSpan(0, headerLength));
            var (type, dataSize) = BlobHeader(header.AsSpan(0, headerLength));
            if (block == 1 && type != "OSMHeader")
            {
                throw new RoadImportException(string.Format(RoadTexts.NotPbf, name));
            }

            if (type is null || dataSize < 0)
            {
                throw new RoadImportException(string.Format(RoadTexts.Damaged, name, $"block {block}"));
            }

            position += 4 + headerLength;
            if (length - position < dataSize)
            {
                throw Truncated();
            }

            if (dataSize > MaxBlobBytes)
            {
                throw new RoadImportException(string.Format(RoadTexts.BlockTooLarge, name, block, MaxBlobBytes));
            }

            // Unpacked as the reader will unpack it, counting: a small block that inflates to gigabytes stops here.
            stream.ReadExactly(blob.AsSpan(0, (int)dataSize));
            long inflated;
            try
            {
                inflated = InflatedBytes(blob.AsMemory(0, (int)dataSize));
            }
            catch (InvalidDataException ex)
            {
                throw new RoadImportException(string.Format(RoadTexts.Damaged, name, $"block {block}: {ex.Message}"), ex);
            }

            if (inflated > MaxBlobBytes)
            {
                throw new RoadImportException(string.Format(RoadTexts.BlockTooLarge, name, block, MaxBlobBytes));
            }

            position += dataSize;
        }

        if (block == 0)
        {
            throw new RoadImportException(string.Format(RoadTexts.NotPbf, name));
        }

        RoadImportException Truncated() => new(string.Format(RoadTexts.Truncated, name, block, length));
    }

    // The bytes a Blob unpacks to (its raw data, or its zlib data inflated), counted up to one more than the limit.
    private static long InflatedBytes(ReadOnlyMemory<byte> blob)
    {
        var bytes = blob.Span;
        var at = 0;
        while (at < bytes.Length)
        {
            if (Varint(bytes, ref at) is not { } tag)
            {
                return 0;
            }

            if ((tag & 7) == 0)
            {
                if (Varint(bytes, ref at) is null)
                {
                    return 0;
                }

                continue;
            }

            if ((tag & 7) != 2 || Varint(bytes, ref at) is not { } fieldLength || (ulong)(bytes.Length - at) < fieldLength)
            {
                return 0;
            }

            var field = blob.Slice(at, (int)fieldLength);
            at += (int)fieldLength;
            switch (tag >> 3)
            {
                case 1:
                    return field.Length;
                case 3:
                    using (var inflating = new System.IO.Compression.ZLibStream(new MemoryStream(field.ToArray(), writable: false), System.IO.Compression.CompressionMode.Decompress))
                    {
                        var buffer = new byte[81_920];
                        long total = 0;
                        int read;
                        while (total <= MaxBlobBytes && (read = inflating.Read(buffer)) > 0)
                        {
                            total += read;
                        }

                        return total;
                    }
            }
        }

        return 0;
    }

    // The two fields of a BlobHeader that matter (protobuf: tag = field << 3 | wire type); null type when it is not one.
    private static (string? Type, long DataSize) BlobHeader(ReadOnlySpan<byte> bytes)
    {
        string? type = null;
        long size = -1;
        var at = 0;
        while (at < bytes.Length)
        {
            if (Varint(bytes, ref at) is not { } tag)
            {
                return (null, -1);
            }

            switch (tag & 7)
            {
                case 0:
                    if (Varint(bytes, ref at) is not { } value)
                    {
                        return (null, -1);
                    }

                    if (tag >> 3 == 3)
                    {
                        size = (long)value;
                    }

                    break;
                case 2:
                    if (Varint(bytes, ref at) is not { } fieldLength || (ulong)(bytes.Length - at) < fieldLength)
                    {
                        return (null, -1);
                    }

                    if (tag >> 3 == 1)
                    {
                        type = System.Text.Encoding.ASCII.GetString(bytes.Slice(at, (int)fieldLength));
                    }

                    at += (int)fieldLength;
                    break;
                default:
                    return (null, -1);
            }
        }

        return (type, size);
    }

    private static ulong? Varint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64 && at < bytes.Length; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        return null;
    }
}
