using Microsoft.EntityFrameworkCore.Design;

namespace Directory.Core.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> create the context without a host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DirectoryDbContext>
{
    public DirectoryDbContext CreateDbContext(string[] args) => DirectoryDatabase.CreateContext("design-time.gpkg");
}
