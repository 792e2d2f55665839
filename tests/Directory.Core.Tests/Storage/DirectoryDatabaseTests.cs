using Directory.Core.Storage;

namespace Directory.Core.Tests.Storage;

/// <summary>The connection string alone chooses the store, in the service's configuration and the CLI's --db.</summary>
public sealed class DirectoryDatabaseTests
{
    [Theory]
    [InlineData("directory.gpkg", false)]
    [InlineData("/var/lib/familienmanager/directory.gpkg", false)]
    [InlineData("Data Source=directory.gpkg", false)]
    [InlineData("Data Source=directory.gpkg;Mode=ReadOnly", false)]
    [InlineData("Host=db.internal;Database=familienmanager;Username=directory", true)]
    [InlineData("server=127.0.0.1;port=5432;database=fm", true)]
    [InlineData("Ordner=mit=Gleichheitszeichen", false)]
    [InlineData("a=\"unterminated", false)]
    public void APostgreSqlConnectionStringIsRecognisedByItsHost(string value, bool expected) =>
        Assert.Equal(expected, DirectoryDatabase.IsPostgis(value));

    [Fact]
    public void DescribingAServerNamesHostPortAndDatabaseButNotThePassword()
    {
        var described = DirectoryDatabase.Describe("Host=db.internal;Port=5433;Database=familienmanager;Username=directory;Password=geheim");

        Assert.Equal("PostGIS db.internal:5433/familienmanager", described);
        Assert.DoesNotContain("geheim", described);
    }

    [Fact]
    public void AServerConnectionStringMakesAPostgisContextAndAPathAGeoPackageOne()
    {
        using var postgis = DirectoryDatabase.CreateContext("Host=127.0.0.1;Database=nie_verbunden");
        using var geoPackage = DirectoryDatabase.CreateContext(Path.Combine(Path.GetTempPath(), "nie-angelegt.gpkg"));

        Assert.IsType<PostgisDirectoryDbContext>(postgis);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", postgis.Database.ProviderName);
        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", geoPackage.Database.ProviderName);
    }
}
