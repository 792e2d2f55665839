using System.Buffers.Binary;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SQLitePCL;

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
    /// <remarks>
    /// Registered with SQLite's own interface, which hands over the blob without copying it into a new array; the
    /// triggers call five functions per written row. (Measured against <c>SqliteConnection.CreateFunction</c> the
    /// difference was within noise; the bulk insert of a list avoids the trigger altogether, docs/performance.md.)
    /// </remarks>
    public static void Register(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } database })
        {
            return;
        }

        const int flags = raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC;
        raw.sqlite3_create_function(database, "ST_MinX", 1, flags, null, (context, _, values) => Result(context, values, e => e.MinX));
        raw.sqlite3_create_function(database, "ST_MaxX", 1, flags, null, (context, _, values) => Result(context, values, e => e.MaxX));
        raw.sqlite3_create_function(database, "ST_MinY", 1, flags, null, (context, _, values) => Result(context, values, e => e.MinY));
        raw.sqlite3_create_function(database, "ST_MaxY", 1, flags, null, (context, _, values) => Result(context, values, e => e.MaxY));
        raw.sqlite3_create_function(database, "ST_IsEmpty", 1, flags, null, (context, _, values) =>
        {
            if (raw.sqlite3_value_type(values[0]) == raw.SQLITE_NULL)
            {
                raw.sqlite3_result_null(context);
            }
            else
            {
                raw.sqlite3_result_int(context, EnvelopeOf(raw.sqlite3_value_blob(values[0])) is null ? 1 : 0);
            }
        });
    }

    private static void Result(sqlite3_context context, sqlite3_value[] values, Func<Envelope, double> part)
    {
        if (raw.sqlite3_value_type(values[0]) != raw.SQLITE_NULL && EnvelopeOf(raw.sqlite3_value_blob(values[0])) is { } envelope)
        {
            raw.sqlite3_result_double(context, part(envelope));
        }
        else
        {
            raw.sqlite3_result_null(context);
        }
    }

    /// <summary>The envelope of a GeoPackage geometry blob, or null for a null or empty geometry.</summary>
    public static Envelope? EnvelopeOf(byte[]? blob) => blob is null ? null : EnvelopeOf(blob.AsSpan());

    private static double ReadDouble(ReadOnlySpan<byte> blob, int at, bool littleEndian) => littleEndian
        ? BinaryPrimitives.ReadDoubleLittleEndian(blob.Slice(at, 8))
        : BinaryPrimitives.ReadDoubleBigEndian(blob.Slice(at, 8));

    // Bytes of the header's envelope for each envelope contents indicator (0: none, 1: xy, 2: xyz, 3: xym, 4: xyzm).
    private static int EnvelopeBytes(int kind) => kind switch { 1 => 32, 2 or 3 => 48, 4 => 64, _ => 0 };

    private static Envelope? EnvelopeOf(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 8 || blob[0] != 'G' || blob[1] != 'P')
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
            // Header order: minx, maxx, miny, maxy.
            return new Envelope(ReadDouble(blob, 8, littleEndian), ReadDouble(blob, 16, littleEndian),
                ReadDouble(blob, 24, littleEndian), ReadDouble(blob, 32, littleEndian));
        }

        // No envelope in the header: a point (the writers leave it out for points, whose envelope is the point).
        // Its two ordinates are read from the WKB directly; any other geometry is parsed.
        var wkb = 8 + EnvelopeBytes(envelopeKind);
        if (blob.Length >= wkb + 21)
        {
            var wkbLittleEndian = blob[wkb] == 1;
            var type = wkbLittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(blob[(wkb + 1)..]) : BinaryPrimitives.ReadUInt32BigEndian(blob[(wkb + 1)..]);
            if (type % 1000 == 1 && type < 4000)
            {
                var (x, y) = (ReadDouble(blob, wkb + 5, wkbLittleEndian), ReadDouble(blob, wkb + 13, wkbLittleEndian));
                return double.IsNaN(x) || double.IsNaN(y) ? null : new Envelope(x, x, y, y);
            }
        }

        var geometry = new GeoPackageGeoReader().Read(blob.ToArray());
        return geometry is null || geometry.IsEmpty ? null : geometry.EnvelopeInternal;
    }
}
