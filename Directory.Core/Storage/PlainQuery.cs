using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Directory.Core.Storage;

/// <summary>
/// Reads some properties of every row of an entity's table with plain SQL, for the start-up path: EF Core's first
/// LINQ query in a process (building its query pipeline, compiling the query) cost 0.3–0.5 s of a cold start on a
/// 2-core machine (docs/performance.md). Table and column names and the value converters (geometries) come from the
/// EF Core model, so they cannot drift from the mapping; they are read from the model's annotations, which the
/// compiled model has before EF Core's services are built, so a start may read with it on a plain connection.
/// </summary>
public static class PlainQuery
{
    /// <summary>
    /// Every row of <typeparamref name="TEntity"/>'s table, ordered by <paramref name="orderBy"/> (property names),
    /// mapped by <paramref name="map"/>, which reads the listed <paramref name="properties"/> from the row; on an open
    /// connection, in its transaction.
    /// </summary>
    public static async Task<List<TResult>> ReadAsync<TEntity, TResult>(DatabaseRead read, IReadOnlyList<string> properties,
        IReadOnlyList<string> orderBy, Func<PlainRow, TResult> map, CancellationToken cancellationToken)
    {
        var entity = read.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model.");
        IReadOnlyProperty Property(string name) => entity.FindProperty(name)
            ?? throw new InvalidOperationException($"{entity.DisplayName()} has no property {name}.");
        string Column(string name) => Delimit(Property(name).GetColumnName());

        // Every conversion of the mapping is configured on its property (geometries, the status); the type mapping,
        // which a compiled model has only once EF Core's services initialised it, adds none.
        var row = new PlainRow(properties.Select((name, ordinal) => (name, ordinal, Property(name).GetValueConverter())));
        var table = entity.GetSchema() is { } schema ? $"{Delimit(schema)}.{Delimit(entity.GetTableName()!)}" : Delimit(entity.GetTableName()!);
        return await read.QueryAsync(
            $"SELECT {string.Join(", ", properties.Select(Column))} FROM {table} ORDER BY {string.Join(", ", orderBy.Select(Column))}",
            async reader =>
            {
                var results = new List<TResult>();
                row.Reader = reader;
                while (await reader.ReadAsync(cancellationToken))
                {
                    results.Add(map(row));
                }

                return results;
            },
            cancellationToken);
    }

    // SQLite and PostgreSQL both quote identifiers with double quotes.
    private static string Delimit(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
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
