using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Directory.Core.Roads.Hierarchy;

/// <summary>
/// The contraction hierarchy of one travel mode: every junction with a rank, and arcs only between a junction and
/// higher-ranked ones — the original stretches and the shortcuts the contraction added. Junctions are numbered by
/// rank, highest first (id 0 is the most important), so every arc leads to a lower id, and a sweep over the ids in
/// order (PHAST, Delling et al. 2011) visits every junction after all above it. Weights are whole milliseconds: sums
/// are exact, so a search here gives exactly what a plain Dijkstra over the graph gives.
/// <para>The first <see cref="CoreCount"/> ids are the core, where the contraction stopped (<see cref="Contraction"/>):
/// their arcs lead to any other junction of the core, and a search takes them like a plain Dijkstra search.</para>
/// <list type="bullet">
/// <item><c>up</c>: at each junction the arcs leaving it upwards (it → higher), travelled forwards.</item>
/// <item><c>down</c>: at each junction the arcs arriving at it from above (higher → it), travelled backwards.</item>
/// </list>
/// </summary>
public sealed partial class ContractionHierarchy
{
    /// <summary>Milliseconds that stand for "not reached": any reachable time in NRW is far below.</summary>
    public const int Unreached = 1 << 30;

    private readonly int[] idOfNode;
    private readonly int[] nodeOfId;
    private readonly int[] upFirst;
    private readonly int[] upTarget;
    private readonly int[] upMs;
    private readonly int[] downFirst;
    private readonly int[] downTarget;
    private readonly int[] downMs;

    private ContractionHierarchy(int coreCount, int[] idOfNode, int[] upFirst, int[] upTarget, int[] upMs, int[] downFirst, int[] downTarget, int[] downMs)
    {
        CoreCount = coreCount;
        (this.idOfNode, this.upFirst, this.upTarget, this.upMs, this.downFirst, this.downTarget, this.downMs) =
            (idOfNode, upFirst, upTarget, upMs, downFirst, downTarget, downMs);
        nodeOfId = new int[idOfNode.Length];
        for (var node = 0; node < idOfNode.Length; node++)
        {
            nodeOfId[idOfNode[node]] = node;
        }
    }

    /// <summary>Junctions.</summary>
    public int NodeCount => idOfNode.Length;

    /// <summary>Junctions of the core, not contracted: ids 0 … this − 1.</summary>
    public int CoreCount { get; }

    /// <summary>Whether every arc goes both ways at the same time (on foot): the arcs down are the arcs up, held once.</summary>
    public bool Symmetric => ReferenceEquals(upTarget, downTarget);

    /// <summary>Arcs, original and shortcuts, each counted once (both ways of a symmetric hierarchy once).</summary>
    public long ArcCount => upTarget.Length + (Symmetric ? 0L : downTarget.Length);

    /// <summary>Bytes the hierarchy takes in memory (and stored).</summary>
    public long Bytes => (idOfNode.Length * (Symmetric ? 12L : 16L)) + (ArcCount * 8);

    /// <summary>
    /// The hierarchy from a contraction: <paramref name="order"/> lists the nodes as they were contracted (least
    /// important first), the last <paramref name="coreCount"/> of them not contracted; <paramref name="upArcs"/> and
    /// <paramref name="downArcs"/> give each node's arcs to and from the nodes contracted after it (in the core: its
    /// arcs).
    /// </summary>
    internal static ContractionHierarchy FromContraction(int[] order, int coreCount, bool symmetric,
        Func<int, IReadOnlyCollection<(int Node, int Ms)>> upArcs, Func<int, IReadOnlyCollection<(int Node, int Ms)>> downArcs)
    {
        var count = order.Length;
        var idOfNode = new int[count];
        for (var rank = 0; rank < count; rank++)
        {
            idOfNode[order[rank]] = count - 1 - rank;
        }

        // Counted first, then written into arrays of their final size: the NRW network's tens of millions of arcs are
        // not copied out of growing lists (a gigabyte at the import's peak).
        (int[] First, int[] Target, int[] Ms) Arcs(Func<int, IReadOnlyCollection<(int Node, int Ms)>> arcsOf)
        {
            var first = new int[count + 1];
            for (var id = 0; id < count; id++)
            {
                first[id + 1] = first[id] + arcsOf(order[count - 1 - id]).Count;
            }

            var (targets, ms) = (new int[first[count]], new int[first[count]]);
            for (var id = 0; id < count; id++)
            {
                var at = first[id];
                foreach (var (node, weight) in arcsOf(order[count - 1 - id]))
                {
                    (targets[at], ms[at]) = (idOfNode[node], weight);
                    at++;
                }

                // Each junction's arcs by target: a sweep then reads the times above it in order.
                Array.Sort(targets, ms, first[id], first[id + 1] - first[id]);
            }

            return (first, targets, ms);
        }

        var up = Arcs(upArcs);
        var down = symmetric ? up : Arcs(downArcs);
        return new ContractionHierarchy(coreCount, idOfNode, up.First, up.Target, up.Ms, down.First, down.Target, down.Ms);
    }

    /// <summary>Writes the hierarchy (little-endian arrays after their lengths).</summary>
    internal void Write(Stream stream)
    {
        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(header, idOfNode.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], upTarget.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], Symmetric ? -1 : downTarget.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], CoreCount);
        stream.Write(header);
        foreach (var array in Symmetric ? new[] { idOfNode, upFirst, upTarget, upMs } : [idOfNode, upFirst, upTarget, upMs, downFirst, downTarget, downMs])
        {
            stream.Write(MemoryMarshal.AsBytes(array.AsSpan()));
        }
    }

    /// <summary>
    /// Reads a hierarchy of <paramref name="nodes"/> junctions that <see cref="Write"/> wrote; a
    /// <see cref="FormatException"/> when it is damaged: every arc must lead upwards and every junction have one id,
    /// or a search could run out of its arrays or never end.
    /// </summary>
    internal static ContractionHierarchy Read(Stream stream, int nodes, int maxArcs)
    {
        Span<byte> header = stackalloc byte[16];
        stream.ReadExactly(header);
        var (count, ups, downs) = (BinaryPrimitives.ReadInt32LittleEndian(header), BinaryPrimitives.ReadInt32LittleEndian(header[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(header[8..]));
        var core = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        var symmetric = downs == -1;
        if (count != nodes || ups < 0 || (downs < 0 && !symmetric) || ups > maxArcs || downs > maxArcs || core < 0 || core > count)
        {
            throw new FormatException("The stored travel-time hierarchy's header is damaged.");
        }

        int[] Array(int length)
        {
            var array = new int[length];
            stream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
            return array;
        }

        var idOfNode = Array(count);
        var (upFirst, upTarget, upMs) = (Array(count + 1), Array(ups), Array(ups));
        var (downFirst, downTarget, downMs) = symmetric ? (upFirst, upTarget, upMs) : (Array(count + 1), Array(downs), Array(downs));
        var seen = new bool[count];
        foreach (var id in idOfNode)
        {
            if ((uint)id >= (uint)count || seen[id])
            {
                throw new FormatException("The stored travel-time hierarchy's ranks are damaged.");
            }

            seen[id] = true;
        }

        CheckArcs(upFirst, upTarget, upMs, core);
        CheckArcs(downFirst, downTarget, downMs, core);
        return new ContractionHierarchy(core, idOfNode, upFirst, upTarget, upMs, downFirst, downTarget, downMs);
    }

    // Every arc leads upwards (to a lower id), in the core to another junction of the core.
    private static void CheckArcs(int[] first, int[] target, int[] ms, int core)
    {
        if (first[0] != 0 || first[^1] != target.Length)
        {
            throw new FormatException("The stored travel-time hierarchy's arcs are damaged.");
        }

        for (var id = 0; id < first.Length - 1; id++)
        {
            if (first[id + 1] < first[id])
            {
                throw new FormatException("The stored travel-time hierarchy's arcs are damaged.");
            }

            for (var a = first[id]; a < first[id + 1]; a++)
            {
                if ((uint)target[a] >= (uint)Math.Max(id, id < core ? core : 0) || (uint)ms[a] >= Unreached)
                {
                    throw new FormatException($"The stored travel-time hierarchy's arc {a} does not lead upwards.");
                }
            }
        }
    }
}
