using System.Buffers.Binary;
using Directory.Core.Texts;

namespace Directory.Core.Roads.Import;

/// <summary>
/// The block structure of an OpenStreetMap PBF, walked before the file is read, with the limits that keep a hostile
/// file from taking the machine's memory: the format's own (a blob of at most 32 MiB, compressed or not) and ours (NRW's
/// extract has a few thousand blocks).
/// </summary>
internal static class PbfBlocks
{
    private const int MaxBlobBytes = 32 << 20;
    private const int MaxBlocks = 100_000;

    /// <summary>
    /// Walks the PBF's blocks (OSM PBF format: a 4-byte big-endian length, a BlobHeader whose field 1 is the type and
    /// field 3 the size of the blob that follows): the first must be "OSMHeader", and the file must end where a
    /// block ends.
    /// </summary>
    public static void Check(string path, string name)
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
