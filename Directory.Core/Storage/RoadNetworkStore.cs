using System.Data;
using System.Data.Common;
using Directory.Core.Geo;
using Directory.Core.Roads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NetTopologySuite;

namespace Directory.Core.Storage;

/// <summary>
/// Stores and loads the road network: one row in layer <c>strassennetz</c> and the network's bytes in parts
/// (<see cref="RoadNetworkPart"/>). A new network replaces the old one in one transaction, which also bumps the
/// geography's counter, so a running service notices it and loads the new network with its next snapshot.
/// </summary>
public static class RoadNetworkStore
{
    private const int PartBytes = 16 * 1024 * 1024;

    /// <summary>Replaces the stored network by <paramref name="network"/>, read from <paramref name="source"/>.</summary>
    public static async Task ReplaceAsync(DirectoryDbContext db, RoadNetwork network, string source, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.RoadNetworkParts.ExecuteDeleteAsync(cancellationToken);
        await db.RoadNetworks.ExecuteDeleteAsync(cancellationToken);
        var extent = network.Extent;
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(Crs.Etrs89Utm32N);
        db.RoadNetworks.Add(new RoadNetworkRecord
        {
            Id = 1,
            Source = Path.GetFileName(source),
            ImportedAt = DateTime.UtcNow,
            Nodes = network.NodeCount,
            Edges = network.EdgeCount,
            Format = RoadNetwork.Format,
            Extent = (NetTopologySuite.Geometries.Polygon)factory.ToGeometry(extent),
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // Written part by part as the network is serialised: no copy of the whole network in memory.
        await using (var parts = new PartWriter(db))
        {
            network.Write(parts);
        }

        await GeoPackageLayers.UpdateContentsAsync(db, GeoPackageLayers.RoadNetwork, extent, cancellationToken);
        await DirectoryState.BumpGeographyAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The stored network, or null when there is none; a <see cref="FormatException"/> when it is of an older format
    /// (imported again, it is used) or damaged;
    /// parts are read one after another straight into the network's arrays. Plain commands on one connection, no
    /// EF Core query: this runs at every start of the service (docs/performance.md: EF Core's first LINQ query costs
    /// a cold start 0.3 s).
    /// </summary>
    public static async Task<RoadNetwork?> LoadAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using (var describe = connection.CreateCommand())
            {
                describe.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                describe.CommandText = $"SELECT format FROM {GeoPackageLayers.RoadNetwork} WHERE fid = 1";
                if (await describe.ExecuteScalarAsync(cancellationToken) is not string format)
                {
                    return null;
                }

                // A network of an older format (before issue 34's hierarchies: "csr-1") is not used; the log says why.
                if (format != RoadNetwork.Format)
                {
                    throw new FormatException($"The stored road network is of format {format}, this version reads {RoadNetwork.Format}.");
                }
            }

            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT daten FROM {GeoPackageLayers.RoadNetworkParts} ORDER BY teil";
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            return RoadNetwork.Read(new PartReader(reader));
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>A write-only stream that inserts a part whenever 16 MB have been written, and the rest when disposed.</summary>
    private sealed class PartWriter(DirectoryDbContext db) : Stream
    {
        private readonly byte[] buffer = new byte[PartBytes];
        private int filled;
        private int part;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] data, int offset, int count) => Write(data.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> data)
        {
            while (!data.IsEmpty)
            {
                var n = Math.Min(data.Length, buffer.Length - filled);
                data[..n].CopyTo(buffer.AsSpan(filled));
                filled += n;
                data = data[n..];
                if (filled == buffer.Length)
                {
                    Flush();
                }
            }
        }

        public override void Flush()
        {
            if (filled == 0)
            {
                return;
            }

            var bytes = buffer.AsSpan(0, filled).ToArray();
            db.Database.ExecuteSql($"INSERT INTO strassennetz_teile (teil, daten) VALUES ({part}, {bytes})");
            (part, filled) = (part + 1, 0);
        }

        public override async ValueTask DisposeAsync()
        {
            Flush();
            await base.DisposeAsync();
        }

        public override int Read(byte[] data, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>A read-only stream over the rows' blobs, one after another.</summary>
    private sealed class PartReader(DbDataReader reader) : Stream
    {
        private byte[] current = [];
        private int at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] data, int offset, int count) => Read(data.AsSpan(offset, count));

        public override int Read(Span<byte> data)
        {
            while (at == current.Length)
            {
                if (!reader.Read())
                {
                    return 0;
                }

                (current, at) = (reader.GetFieldValue<byte[]>(0), 0);
            }

            var n = Math.Min(data.Length, current.Length - at);
            current.AsSpan(at, n).CopyTo(data);
            at += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] data, int offset, int count) => throw new NotSupportedException();
    }
}
