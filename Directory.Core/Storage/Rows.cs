using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;

namespace Directory.Core.Storage;

/// <summary>
/// The one place for reads and writes outside EF Core's change tracker, on both stores: the snapshot's reads at every
/// start and after every import (EF Core's first LINQ query in a process cost 0.3–0.5 s of a cold start, and its
/// materialiser 1.4 s for 100,000 entries against 0.97 s for a data reader), the start's checks, and the bulk insert
/// of imports (EF Core's change tracker made a 100,000-row list take 9 s and 640 MB more; docs/performance.md).
/// <para>
/// One rule for names and values: tables, columns and value converters come from the EF Core model of the context
/// (the private <c>Table</c>), identifiers are quoted by the provider's SQL helper, values are parameters. So the entity
/// configurations stay the one mapping, and a renamed column or a new converter reaches every query here.
/// Every call runs on the context's connection, inside its current transaction when it has one.
/// </para>
/// </summary>
public static class Rows
{
    /// <summary>
    /// Streams <paramref name="properties"/> of every row of <typeparamref name="TEntity"/>'s table, ordered by
    /// <paramref name="orderBy"/>, each row mapped by <paramref name="map"/>: rows are never all held at once.
    /// </summary>
    public static async IAsyncEnumerable<TResult> StreamAsync<TEntity, TResult>(DirectoryDbContext db, IReadOnlyList<string> properties,
        IReadOnlyList<string> orderBy, Func<Row, TResult> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = Table.Of<TEntity>(db);
        var row = new Row(properties.Select(name => (name, table.Converter(name))));
        // EF Core counts opens and closes: inside a caller's read transaction the connection stays open.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = table.Command(db,
                $"SELECT {string.Join(", ", properties.Select(table.Column))} FROM {table.Name} ORDER BY {string.Join(", ", orderBy.Select(table.Column))}");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            row.Reader = reader;
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return map(row);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The same, collected into a list.</summary>
    public static async Task<List<TResult>> ReadAsync<TEntity, TResult>(DirectoryDbContext db, IReadOnlyList<string> properties,
        IReadOnlyList<string> orderBy, Func<Row, TResult> map, CancellationToken cancellationToken)
    {
        var results = new List<TResult>();
        await foreach (var result in StreamAsync<TEntity, TResult>(db, properties, orderBy, map, cancellationToken))
        {
            results.Add(result);
        }

        return results;
    }

    /// <summary>Whether <typeparamref name="TEntity"/>'s table has a row.</summary>
    public static async Task<bool> AnyAsync<TEntity>(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var table = Table.Of<TEntity>(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = table.Command(db, $"SELECT 1 FROM {table.Name} LIMIT 1");
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Sets <paramref name="property"/> of every row to itself: a write that changes nothing, so that a read-only or
    /// locked database shows with its reason when the service starts, not at the first import.
    /// </summary>
    public static async Task TouchAsync<TEntity>(DirectoryDbContext db, string property, CancellationToken cancellationToken)
    {
        var table = Table.Of<TEntity>(db);
        var column = table.Column(property);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = table.Command(db, $"UPDATE {table.Name} SET {column} = {column}");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Inserts <paramref name="items"/> as new rows (keys made by the store) through one prepared command; a
    /// transaction must be open on <paramref name="db"/>.
    /// <para>
    /// Into a GeoPackage layer, the rows' spatial index entries are written beside them from the geometries in hand,
    /// with the layer's insert trigger set aside for the transaction: the trigger with its five function calls per row
    /// made a 100,000-entry import about 1 s slower (docs/performance.md). Inside the same transaction, so a failure
    /// or a kill leaves trigger and index as they were.
    /// </para>
    /// </summary>
    public static async Task InsertAsync<T>(DirectoryDbContext db, IEnumerable<T> items, CancellationToken cancellationToken)
        where T : class
    {
        var table = Table.Of<T>(db);
        var properties = table.Entity.GetProperties().Where(p => !p.IsPrimaryKey() && p.PropertyInfo is not null).ToList();
        _ = db.Database.CurrentTransaction ?? throw new InvalidOperationException($"{nameof(InsertAsync)} needs an open transaction.");

        await using var command = table.Command(db,
            $"INSERT INTO {table.Name} ({string.Join(", ", properties.Select(p => table.Column(p.Name)))}) "
            + $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})");
        var parameters = properties.Select((_, i) => AddParameter(command, "@p" + i)).ToList();
        var converters = properties.Select(p => table.Converter(p.Name)).ToList();

        var geometry = db is PostgisDirectoryDbContext || !GeoPackageLayers.GeometryLayers.Contains(table.Entity.GetTableName()!)
            ? null
            : properties.FirstOrDefault(p => p.GetColumnName() == GeoPackageLayers.GeometryColumn);
        DbCommand? index = null;
        if (geometry is not null)
        {
            command.CommandText += " RETURNING fid";
            var layer = table.Entity.GetTableName()!;
            var rtree = GeoPackageLayers.SpatialIndexTable(layer);
            await using (var drop = table.Command(db, $"DROP TRIGGER \"{rtree}_insert\""))
            {
                await drop.ExecuteNonQueryAsync(cancellationToken);
            }

            index = table.Command(db, $"INSERT OR REPLACE INTO \"{rtree}\" VALUES (@id, @minx, @maxx, @miny, @maxy)");
            foreach (var name in new[] { "@id", "@minx", "@maxx", "@miny", "@maxy" })
            {
                AddParameter(index, name);
            }
        }

        var prepared = false;
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
                if (geometry!.PropertyInfo!.GetValue(item) is Geometry { IsEmpty: false } shape)
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
                await using var restore = table.Command(db, GeoPackageLayers.SpatialIndexInsertTrigger(table.Entity.GetTableName()!));
                await restore.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }

    private static DbParameter AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>An entity's table as the model maps it: the rule for names and converters, in one place.</summary>
    private sealed class Table
    {
        private readonly StoreObjectIdentifier store;
        private readonly ISqlGenerationHelper sql;

        private Table(IEntityType entity, ISqlGenerationHelper sql)
        {
            Entity = entity;
            this.sql = sql;
            store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            Name = sql.DelimitIdentifier(store.Name, store.Schema);
        }

        public IEntityType Entity { get; }

        /// <summary>The table's name, quoted (with its schema when it has one).</summary>
        public string Name { get; }

        public static Table Of<TEntity>(DirectoryDbContext db) => new(
            db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model."),
            db.GetService<ISqlGenerationHelper>());

        /// <summary>The column of a property, quoted.</summary>
        public string Column(string property) => sql.DelimitIdentifier(Property(property).GetColumnName(store)
            ?? throw new InvalidOperationException($"{Entity.DisplayName()}.{property} has no column in {store.Name}."));

        /// <summary>
        /// How a property's values are stored: the converter configured on it (geometries) or the one its type
        /// mapping brings (enums stored as text); null when stored as they are.
        /// </summary>
        public ValueConverter? Converter(string property)
        {
            var mapped = Property(property);
            return mapped.GetValueConverter() ?? mapped.GetTypeMapping().Converter;
        }

        public DbCommand Command(DirectoryDbContext db, string text)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = text;
            return command;
        }

        private IProperty Property(string name) => Entity.FindProperty(name)
            ?? throw new InvalidOperationException($"{Entity.DisplayName()} has no property {name}.");
    }
}

/// <summary>The current row of a <see cref="Rows"/> read: values by property name, through the property's converter.</summary>
public sealed class Row
{
    private readonly Dictionary<string, (int Ordinal, ValueConverter? Converter)> columns;

    internal Row(IEnumerable<(string Name, ValueConverter? Converter)> columns) =>
        this.columns = columns.Select((c, ordinal) => (c.Name, Column: (ordinal, c.Converter)))
            .ToDictionary(c => c.Name, c => c.Column, StringComparer.Ordinal);

    internal DbDataReader Reader { get; set; } = null!;

    /// <summary>The value of <paramref name="property"/> (null for a NULL in the row).</summary>
    public T Get<T>(string property)
    {
        var (ordinal, converter) = Column(property);
        if (Reader.IsDBNull(ordinal))
        {
            return default!;
        }

        return converter is null ? Reader.GetFieldValue<T>(ordinal) : (T)converter.ConvertFromProvider(Reader.GetValue(ordinal))!;
    }

    /// <summary>
    /// The text of <paramref name="property"/>, or null. Not through <see cref="Get{T}"/>: the provider's generic
    /// reader tests the type it is asked for against every type it knows, at run time for a reference type, and a
    /// start reads 1.2 million texts (docs/performance.md).
    /// </summary>
    public string? GetText(string property)
    {
        var (ordinal, _) = Column(property);
        return Reader.IsDBNull(ordinal) ? null : Reader.GetString(ordinal);
    }

    private (int Ordinal, ValueConverter? Converter) Column(string property) =>
        columns.TryGetValue(property, out var column)
            ? column
            : throw new InvalidOperationException($"{property} is not among the properties the query reads.");
}
