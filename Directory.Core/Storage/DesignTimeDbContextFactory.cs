using Microsoft.EntityFrameworkCore.Design;

namespace Directory.Core.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> create the context without a host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DirectoryDbContext>
{
    public DirectoryDbContext CreateDbContext(string[] args) => DirectoryDatabase.CreateContext("design-time.gpkg");
}

/// <summary>
/// The same for the PostGIS migrations (<c>dotnet ef migrations add NAME --context PostgisDirectoryDbContext
/// --output-dir Storage/PostgisMigrations</c>); adding a migration does not connect.
/// </summary>
internal sealed class PostgisDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgisDirectoryDbContext>
{
    public PostgisDirectoryDbContext CreateDbContext(string[] args) =>
        (PostgisDirectoryDbContext)DirectoryDatabase.CreateContext("Host=127.0.0.1;Database=directory_design_time");
}
