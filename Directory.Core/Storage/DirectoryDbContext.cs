using Directory.Core.Geography;
using Directory.Core.Staff;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Directory.Core.Storage;

/// <summary>
/// The directory's database: a GeoPackage written through EF Core Sqlite (the embedded default), or PostGIS in
/// server mode through <see cref="PostgisDirectoryDbContext"/>. Used directly by the importer and the Api (no
/// repository layer); the schema comes from the migrations in <c>Storage/Migrations</c> (and
/// <c>Storage/PostgisMigrations</c>). The staff
/// accounts (ASP.NET Core Identity) and the keys that protect their sign-in cookies live in the same file, so that
/// the database stays the one thing to back up and several instances share sessions.
/// </summary>
public class DirectoryDbContext : IdentityUserContext<StaffUser>, IDataProtectionKeyContext
{
    /// <summary>The GeoPackage context.</summary>
    public DirectoryDbContext(DbContextOptions<DirectoryDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the PostGIS context, which has its own options type, model and migrations.</summary>
    protected DirectoryDbContext(DbContextOptions options)
        : base(options)
    {
    }

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

    /// <summary>Table <c>meldungen</c>: citizens' reports of wrong entries, for staff only.</summary>
    public DbSet<Managers.ManagerReport> ManagerReports => Set<Managers.ManagerReport>();

    /// <summary>Table <c>public_changes</c>: what the public saw change, for the change feed.</summary>
    public DbSet<Managers.PublicChange> PublicChanges => Set<Managers.PublicChange>();

    /// <summary>Table <c>staged_lists</c>: uploads waiting for "Übernehmen".</summary>
    public DbSet<StagedList> StagedLists => Set<StagedList>();

    /// <summary>Table <c>directory_state</c>: the change counters.</summary>
    public DbSet<DirectoryState> State => Set<DirectoryState>();

    /// <summary>Table <c>served_list_cache</c>: the stored copy of the served list.</summary>
    public DbSet<ServedListCopy> ServedListCopies => Set<ServedListCopy>();

    /// <summary>Layer <c>strassennetz</c>: the imported road network's source, size and extent.</summary>
    public DbSet<Roads.RoadNetworkRecord> RoadNetworks => Set<Roads.RoadNetworkRecord>();

    /// <summary>Table <c>strassennetz_teile</c>: the stored road network.</summary>
    public DbSet<Roads.RoadNetworkPart> RoadNetworkParts => Set<Roads.RoadNetworkPart>();

    /// <summary>The table of the sign-in keys.</summary>
    public const string DataProtectionKeysTable = "data_protection_keys";

    /// <summary>Table <c>data_protection_keys</c>.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<StaffUser>().ToTable("staff_users");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("staff_user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("staff_user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("staff_user_tokens");
        modelBuilder.Entity<DataProtectionKey>().ToTable(DataProtectionKeysTable);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DirectoryDbContext).Assembly);
    }
}
