using System.Data.Common;
using System.Runtime.CompilerServices;
using Directory.Core.Managers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;

namespace Directory.Core.Storage;

/// <summary>
/// Reads every family manager, ordered by id, with a plain data reader on the context's connection and transaction.
/// The service's snapshot reads the whole list at every start and after every import: at 100,000 entries EF Core's
/// query (compiling it, then materialising through its shaper) took 1.4–1.5 s in a fresh process on a 2-core machine,
/// this reader 0.97 s, both with the context's first use (docs/performance.md). Table, column names and the conversions of status, location
/// source and geometry come from the EF Core model, so they cannot drift from the mapping; a test compares every
/// property of every entry with what EF Core reads, on both stores.
/// </summary>
public static class FamilyManagerReader
{
    /// <summary>All family managers, ordered by id; inside the context's current transaction when it has one.</summary>
    public static async IAsyncEnumerable<FamilyManager> ReadAllAsync(DirectoryDbContext db,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(FamilyManager))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = Columns.Select(name => entity.FindProperty(name)!).ToArray();
        if (entity.GetProperties().Count() != properties.Length)
        {
            // A property added to the entity must be read here too, or every snapshot would silently lack it.
            throw new InvalidOperationException($"{nameof(FamilyManagerReader)} does not read every property of {entity.DisplayName()}.");
        }

        string Column(IProperty property) => sql.DelimitIdentifier(property.GetColumnName(table)!);
        var status = Converter(entity, nameof(FamilyManager.Status));
        var source = Converter(entity, nameof(FamilyManager.LocationSource));
        var location = Converter(entity, nameof(FamilyManager.Location));

        // EF Core counts opens and closes: inside a caller's read transaction the connection stays open.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT {string.Join(", ", properties.Select(Column))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} "
                + $"ORDER BY {Column(properties[0])}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return new FamilyManager
                {
                    Id = reader.GetInt32(0),
                    CertificateNumber = Text(reader, 1),
                    Surname = reader.GetString(2),
                    FirstName = reader.GetString(3),
                    Title = Text(reader, 4),
                    AreaKey = reader.GetString(5),
                    Organisation = Text(reader, 6),
                    Street = Text(reader, 7),
                    Postcode = Text(reader, 8),
                    Town = Text(reader, 9),
                    Email = Text(reader, 10),
                    Phone = Text(reader, 11),
                    Website = Text(reader, 12),
                    CertifiedOn = reader.IsDBNull(13) ? null : reader.GetFieldValue<DateOnly>(13),
                    Status = (ManagerStatus)status.ConvertFromProvider(reader.GetString(14))!,
                    PublicationConsent = reader.GetBoolean(15),
                    LocationSource = (LocationSource)source.ConvertFromProvider(reader.GetString(16))!,
                    Location = (Point)location.ConvertFromProvider(reader.GetValue(17))!,
                };
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The order of the SELECT; the reader above reads by these positions.
    private static readonly string[] Columns =
    [
        nameof(FamilyManager.Id), nameof(FamilyManager.CertificateNumber), nameof(FamilyManager.Surname),
        nameof(FamilyManager.FirstName), nameof(FamilyManager.Title), nameof(FamilyManager.AreaKey),
        nameof(FamilyManager.Organisation), nameof(FamilyManager.Street), nameof(FamilyManager.Postcode),
        nameof(FamilyManager.Town), nameof(FamilyManager.Email), nameof(FamilyManager.Phone), nameof(FamilyManager.Website),
        nameof(FamilyManager.CertifiedOn), nameof(FamilyManager.Status), nameof(FamilyManager.PublicationConsent),
        nameof(FamilyManager.LocationSource), nameof(FamilyManager.Location),
    ];

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static ValueConverter Converter(IEntityType entity, string property) =>
        entity.FindProperty(property)!.GetTypeMapping().Converter
        ?? throw new InvalidOperationException($"{entity.DisplayName()}.{property} has no value converter.");
}
