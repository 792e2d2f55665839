using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Directory.Core.Storage;

/// <summary>
/// Reads some properties of every row of an entity's table with plain SQL on the context's connection and
/// transaction, for the start-up path: EF Core's first LINQ query in a process (building its query pipeline,
/// compiling the query) cost 0.3–0.5 s of a cold start on a 2-core machine (docs/performance.md). Table and column
/// names and the value converters (geometries) come from the EF Core model, so they cannot drift from the mapping.
/// </summary>
public static class PlainQuery
{
    /// <summary>
    /// Every row of <typeparamref name="TEntity"/>'s table, ordered by <paramref name="orderBy"/> (property names),
    /// mapped by <paramref name="map"/>, which reads the listed <paramref name="properties"/> from the row.
    /// </summary>
    public static async Task<List<TResult>> ReadAsync<TEntity, TResult>(DirectoryDbContext db, IReadOnlyList<string> properties,
        IReadOnlyList<string> orderBy, Func<PlainRow, TResult> map, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        IProperty Property(string name) => entity.FindProperty(name)
            ?? throw new InvalidOperationException($"{entity.DisplayName()} has no property {name}.");
        string Column(string name) => sql.DelimitIdentifier(Property(name).GetColumnName(table)!);

        var row = new PlainRow(properties.Select((name, ordinal) => (name, ordinal, Property(name).GetTypeMapping().Converter)));
        var results = new List<TResult>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT {string.Join(", ", properties.Select(Column))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} "
                + $"ORDER BY {string.Join(", ", orderBy.Select(Column))}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            row.Reader = reader;
            while (await reader.ReadAsync(cancellationToken))
            {
                results.Add(map(row));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return results;
    }
}

/// <summary>The current row of a <see cref="PlainQuery"/>, read by property name.</summary>
public sealed class PlainRow
{
    private readonly Dictionary<string, (int Ordinal, ValueConverter? Converter)> columns;

    internal PlainRow(IEnumerable<(string Name, int Ordinal, ValueConverter? Converter)> columns) =>
        this.columns = columns.ToDictionary(c => c.Name, c => (c.Ordinal, c.Converter), StringComparer.Ordinal);

    internal DbDataReader Reader { get; set; } = null!;

    /// <summary>The value of <paramref name="property"/>, through its value converter when it has one.</summary>
    public T Get<T>(string property)
    {
        var (ordinal, converter) = columns.TryGetValue(property, out var column)
            ? column
            : throw new InvalidOperationException($"{property} is not among the properties the query reads.");
        return converter is null ? Reader.GetFieldValue<T>(ordinal) : (T)converter.ConvertFromProvider(Reader.GetValue(ordinal))!;
    }
}
