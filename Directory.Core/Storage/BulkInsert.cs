using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Directory.Core.Storage;

/// <summary>
/// Inserts many new rows through one prepared command inside the current transaction. EF Core's change tracker
/// holds a snapshot of every added entity and SQLite gets no batching, which made a 100,000-row list take 9 s and
/// 640 MB more than validating it (docs/performance.md). Columns, names and value converters come from the EF model,
/// so the entity configuration stays the one place that maps the table.
/// <para>
/// Into a GeoPackage layer, the rows' spatial index entries are written beside them from the geometries in hand, with
/// the layer's insert trigger set aside for the transaction: the trigger with its five function calls per row made a
/// 100,000-entry import about 1 s slower than this (docs/performance.md). Inside the same transaction, so a failure or a kill
/// leaves trigger and index as they were.
/// </para>
/// </summary>
public static class BulkInsert
{
    /// <summary>Inserts <paramref name="items"/>; a transaction must be open on <paramref name="db"/>.</summary>
    public static async Task InsertAsync<T>(DirectoryDbContext db, IEnumerable<T> items, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not mapped.");
        var table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => !p.IsPrimaryKey() && p.PropertyInfo is not null).ToList();
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("BulkInsert needs an open transaction.");

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(store)}\""))}) " +
                              $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})";
        var parameters = new List<DbParameter>();
        for (var i = 0; i < properties.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
            parameters.Add(parameter);
        }

        var geometry = db is PostgisDirectoryDbContext || !GeoPackageLayers.GeometryLayers.Contains(table)
            ? null
            : properties.FirstOrDefault(p => p.GetColumnName(store) == GeoPackageLayers.GeometryColumn);
        DbCommand? index = null;
        if (geometry is not null)
        {
            command.CommandText += " RETURNING fid";
            var rtree = GeoPackageLayers.SpatialIndexTable(table);
            await ExecuteAsync(db, transaction, $"DROP TRIGGER \"{rtree}_insert\"", cancellationToken);
            index = db.Database.GetDbConnection().CreateCommand();
            index.Transaction = transaction.GetDbTransaction();
            index.CommandText = $"INSERT OR REPLACE INTO \"{rtree}\" VALUES (@id, @minx, @maxx, @miny, @maxy)";
            foreach (var name in new[] { "@id", "@minx", "@maxx", "@miny", "@maxy" })
            {
                var parameter = index.CreateParameter();
                parameter.ParameterName = name;
                index.Parameters.Add(parameter);
            }
        }

        var prepared = false;
        var converters = properties.Select(p => p.GetValueConverter() ?? p.GetTypeMapping().Converter).ToList();
        try
        {
            foreach (var item in items)
            {
                for (var i = 0; i < properties.Count; i++)
                {
                    var value = properties[i].PropertyInfo!.GetValue(item);
                    if (value is not null && converters[i] is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    parameters[i].Value = value ?? DBNull.Value;
                }

                // Prepared once the first row's values give the parameters their types (Npgsql needs them for PREPARE).
                if (!prepared)
                {
                    await command.PrepareAsync(cancellationToken);
                    prepared = true;
                }

                if (index is null)
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    continue;
                }

                var id = await command.ExecuteScalarAsync(cancellationToken);
                if (geometry!.PropertyInfo!.GetValue(item) is NetTopologySuite.Geometries.Geometry { IsEmpty: false } shape)
                {
                    var envelope = shape.EnvelopeInternal;
                    index.Parameters["@id"].Value = id;
                    index.Parameters["@minx"].Value = envelope.MinX;
                    index.Parameters["@maxx"].Value = envelope.MaxX;
                    index.Parameters["@miny"].Value = envelope.MinY;
                    index.Parameters["@maxy"].Value = envelope.MaxY;
                    await index.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }
        finally
        {
            if (index is not null)
            {
                await index.DisposeAsync();
                // Not cancellable: the trigger must be back before the transaction commits (a rollback removes it anyway).
                await ExecuteAsync(db, transaction, GeoPackageLayers.SpatialIndexInsertTrigger(table), CancellationToken.None);
            }
        }
    }

    private static async Task ExecuteAsync(DirectoryDbContext db, IDbContextTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
