using Directory.Core.Geography;
using Microsoft.EntityFrameworkCore;

namespace Directory.Core.Storage;

/// <summary>
/// The directory's database: a GeoPackage written through EF Core Sqlite. Used directly by the importer and the
/// Api (no repository layer); the schema comes from the migrations in <c>Storage/Migrations</c>.
/// </summary>
public sealed class DirectoryDbContext(DbContextOptions<DirectoryDbContext> options) : DbContext(options)
{
    /// <summary>Layer <c>gemeinden</c>.</summary>
    public DbSet<Municipality> Municipalities => Set<Municipality>();

    /// <summary>Layer <c>kreise</c>.</summary>
    public DbSet<District> Districts => Set<District>();

    /// <summary>Layer <c>regierungsbezirke</c>.</summary>
    public DbSet<GovernmentRegion> GovernmentRegions => Set<GovernmentRegion>();

    /// <summary>Layer <c>postleitzahlen</c>.</summary>
    public DbSet<Postcode> Postcodes => Set<Postcode>();

    /// <summary>Layer <c>bevoelkerung_1km</c>.</summary>
    public DbSet<PopulationCell> PopulationCells => Set<PopulationCell>();

    /// <summary>Layer <c>familienmanager</c>.</summary>
    public DbSet<Managers.FamilyManager> FamilyManagers => Set<Managers.FamilyManager>();

    /// <summary>Table <c>import_history</c>.</summary>
    public DbSet<Managers.ImportRecord> ImportHistory => Set<Managers.ImportRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DirectoryDbContext).Assembly);
}
