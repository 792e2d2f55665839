using System.Buffers.Binary;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Directory.Core.Storage;

/// <summary>
/// The SQL functions that the GeoPackage R-tree extension's triggers call (<c>ST_MinX</c>, <c>ST_MaxX</c>,
/// <c>ST_MinY</c>, <c>ST_MaxY</c>, <c>ST_IsEmpty</c>; GeoPackage 1.3.1, annex F.3), registered on every SQLite
/// connection the directory opens: every insert, update and delete of a layer keeps its spatial index current, as
/// GDAL and QGIS do on their connections. A GeoPackage geometry blob carries its envelope in its header (except
/// points, whose envelope is the point): read from there, the WKB is parsed only when the header has none.
/// </summary>
public sealed class GeoPackageFunctions : DbConnectionInterceptor
{
    /// <summary>The one instance (it has no state).</summary>
    public static readonly GeoPackageFunctions Instance = new();

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    /// <inheritdoc />
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    /// <summary>Registers the functions on <paramref name="connection"/> (nothing for another kind of connection).</summary>
    public static void Register(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        sqlite.CreateFunction("ST_MinX", (byte[]? blob) => EnvelopeOf(blob)?.MinX, isDeterministic: true);
        sqlite.CreateFunction("ST_MaxX", (byte[]? blob) => EnvelopeOf(blob)?.MaxX, isDeterministic: true);
        sqlite.CreateFunction("ST_MinY", (byte[]? blob) => EnvelopeOf(blob)?.MinY, isDeterministic: true);
        sqlite.CreateFunction("ST_MaxY", (byte[]? blob) => EnvelopeOf(blob)?.MaxY, isDeterministic: true);
        sqlite.CreateFunction("ST_IsEmpty", (byte[]? blob) => blob is null ? (long?)null : EnvelopeOf(blob) is null ? 1L : 0L,
            isDeterministic: true);
    }

    /// <summary>The envelope of a GeoPackage geometry blob, or null for a null or empty geometry.</summary>
    public static Envelope? EnvelopeOf(byte[]? blob)
    {
        if (blob is null || blob.Length < 8 || blob[0] != 'G' || blob[1] != 'P')
        {
            return null;
        }

        var flags = blob[3];
        if ((flags & 0b1_0000) != 0)
        {
            return null; // the empty-geometry flag
        }

        var littleEndian = (flags & 1) == 1;
        var envelopeKind = (flags >> 1) & 0b111;
        if (envelopeKind is >= 1 and <= 4 && blob.Length >= 8 + 32)
        {
            double Read(int index)
            {
                var bytes = blob.AsSpan(8 + (index * 8), 8);
                return littleEndian ? BinaryPrimitives.ReadDoubleLittleEndian(bytes) : BinaryPrimitives.ReadDoubleBigEndian(bytes);
            }

            // Header order: minx, maxx, miny, maxy.
            return new Envelope(Read(0), Read(1), Read(2), Read(3));
        }

        var geometry = new GeoPackageGeoReader().Read(blob);
        return geometry is null || geometry.IsEmpty ? null : geometry.EnvelopeInternal;
    }
}
