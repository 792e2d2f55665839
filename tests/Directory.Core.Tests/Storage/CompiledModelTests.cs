using Directory.Core.Storage;
using Directory.Core.Storage.CompiledModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Directory.Core.Tests.Storage;

/// <summary>
/// The compiled EF Core model (<c>Storage/CompiledModel</c>, used at run time instead of building the model) must
/// describe what the entity configurations describe. When an entity or configuration changes, regenerate it:
/// <c>dotnet ef dbcontext optimize --project Directory.Core --context DirectoryDbContext --output-dir Storage/CompiledModel
/// --namespace Directory.Core.Storage.CompiledModel</c> (docs/architecture.md).
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void TheCompiledModelIsTheOneTheConfigurationsBuild()
    {
        using var db = DirectoryDatabase.CreateContext("compiled-model-check.gpkg");
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.IsType<DirectoryDbContextModel>(db.Model, exactMatch: false);
        Assert.Equal(Describe(built), Describe(db.Model));
    }

    /// <summary>Tables, columns, CLR types, nullability, lengths, keys and indexes, one line each, in order.</summary>
    private static List<string> Describe(IModel model) =>
        [.. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(entity =>
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            return new[] { $"{entity.Name} -> {entity.GetTableName()}" }
                .Concat(entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p =>
                    $"  {p.Name}: {p.GetColumnName(table)} {p.ClrType.Name} null={p.IsNullable} max={p.GetMaxLength()} "
                    + $"stored={p.GetValueConverter()?.ProviderClrType.Name ?? p.GetProviderClrType()?.Name} type={p.GetColumnType(table)}"))
                .Concat(entity.GetKeys().Select(k => $"  key {string.Join(",", k.Properties.Select(p => p.Name))} primary={k.IsPrimaryKey()}"))
                .Concat(entity.GetIndexes().Select(i => $"  index {string.Join(",", i.Properties.Select(p => p.Name))} unique={i.IsUnique}"))
                .Concat(entity.GetForeignKeys().Select(f => $"  fk {string.Join(",", f.Properties.Select(p => p.Name))} -> {f.PrincipalEntityType.Name}"));
        })];
}
