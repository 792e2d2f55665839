using Directory.Core.Geo;
using Directory.Core.Geography;
using Directory.Core.Geography.Import;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Directory.Core.Tests.Storage;

[Collection(NrwGeographyCollection.Name)]
public sealed class GeoPackageStorageTests(NrwGeographyFixture nrw) : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    private async Task<string> WriteGeographyAsync()
    {
        var path = folder.File("directory.gpkg");
        await using var db = DirectoryDatabase.CreateContext(path);
        await DirectoryDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);
        await GeographyImporter.WriteAsync(db, nrw.Data, TestContext.Current.CancellationToken);
        return path;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    [Fact]
    public async Task ADatabaseOfTheMigrationsBeforeTheBaselineIsAdoptedWithoutChange()
    {
        // Issue 33: the development's migrations became one baseline. A database that had all of them has the same
        // schema; its history is rewritten, nothing else (the layers, their rows, the R-tree indexes stay).
        var path = await WriteGeographyAsync();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                DELETE FROM "__EFMigrationsHistory";
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261125013640_InitialGeography', '10.0.12'), ('20261207032908_RoadNetwork', '10.0.12');
                """;
            command.ExecuteNonQuery();
        }

        await using (var db = DirectoryDatabase.CreateContext(path))
        {
            await DirectoryDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        }

        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        Assert.Equal(396, Scalar(check, "SELECT count(*) FROM gemeinden"));
        Assert.Equal(396, Scalar(check, "SELECT count(*) FROM rtree_gemeinden_geom"));
        Assert.Single(DirectoryDatabase.KnownMigrations);
    }

    [Fact]
    public async Task TheFileCarriesTheGeoPackageHeaderAndMetadataTables()
    {
        var path = await WriteGeographyAsync();

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        Assert.Equal(0x47504B47, Scalar(connection, "PRAGMA application_id")); // "GPKG"
        Assert.Equal(10300, Scalar(connection, "PRAGMA user_version"));
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT group_concat(table_name || ':' || data_type || ':' || ifnull(srs_id, '-'), ' ') FROM (SELECT * FROM gpkg_contents ORDER BY table_name)";
            Assert.Equal("bevoelkerung_1km:features:25832 familienmanager:features:25832 gemeinden:features:25832 import_history:attributes:- kreise:features:25832 "
                         + "postleitzahlen:features:25832 regierungsbezirke:features:25832 strassennetz:features:25832", command.ExecuteScalar());
        }

        Assert.Equal(1, Scalar(connection, "SELECT count(*) FROM gpkg_geometry_columns WHERE table_name = 'gemeinden' AND geometry_type_name = 'MULTIPOLYGON'"));
        Assert.Equal(1, Scalar(connection, "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id = 25832 AND organization = 'EPSG'"));
        // The spec's three mandatory rows.
        Assert.Equal(3, Scalar(connection, "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326)"));
    }

    [Fact]
    public async Task TheDatabaseIsOneCompleteFileWhileConnectionsAreStillOpen()
    {
        // Other programs (GDAL, a file copy) read the file itself; nothing may wait in a -wal file beside it.
        var path = await WriteGeographyAsync();

        Assert.Equal([path], System.IO.Directory.GetFiles(folder.Path));
        var header = new byte[100];
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            file.ReadExactly(header);
        }

        Assert.Equal("GPKG", System.Text.Encoding.ASCII.GetString(header, 68, 4)); // application_id, big-endian
        Assert.Equal(10300, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(60))); // user_version
    }

    [Fact]
    public async Task GeometryBlobsAreGeoPackageBinaryWithTheLayerSrid()
    {
        var path = await WriteGeographyAsync();

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT geom FROM gemeinden WHERE ags = '05315000'";
        var blob = (byte[])command.ExecuteScalar()!;

        // GeoPackage binary header (spec 2.1.3): magic "GP", version 0, flags, then the srs_id.
        Assert.Equal((byte)'G', blob[0]);
        Assert.Equal((byte)'P', blob[1]);
        Assert.Equal(0, blob[2]);
        var littleEndian = (blob[3] & 1) == 1;
        var srsId = littleEndian ? BitConverter.ToInt32(blob, 4) : System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(blob.AsSpan(4));
        Assert.Equal(25832, srsId);
        // Envelope indicator 1: XY only, no NaN Z or M that GDAL would reject.
        Assert.Equal(1, (blob[3] >> 1) & 7);
    }

    [Fact]
    public async Task GeometriesReadBackEqualWithTheirSrid()
    {
        var path = await WriteGeographyAsync();

        await using var db = DirectoryDatabase.CreateContext(path);
        var stored = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Ags, TestContext.Current.CancellationToken);

        Assert.Equal(396, stored.Count);
        foreach (var original in nrw.Data.Municipalities)
        {
            var read = stored[original.Ags];
            Assert.Equal(Crs.Etrs89Utm32N, read.Boundary.SRID);
            Assert.True(original.Boundary.EqualsExact(read.Boundary), original.Ags);
        }
    }

    [Fact]
    public async Task ContentsRecordEachLayersExtent()
    {
        var path = await WriteGeographyAsync();

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'gemeinden'";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());

        // data/README.md gives the 25832 bounding box of the municipalities: 280374.97, 5577680.06 – 531791.20, 5820211.61.
        Assert.Equal(280_374.97, reader.GetDouble(0), 1.0);
        Assert.Equal(5_577_680.06, reader.GetDouble(1), 1.0);
        Assert.Equal(531_791.20, reader.GetDouble(2), 1.0);
        Assert.Equal(5_820_211.61, reader.GetDouble(3), 1.0);
    }

    [Fact]
    public async Task WritingAgainReplacesTheGeographyInsteadOfAddingToIt()
    {
        var path = await WriteGeographyAsync();
        await using (var db = DirectoryDatabase.CreateContext(path))
        {
            await GeographyImporter.WriteAsync(db, nrw.Data, TestContext.Current.CancellationToken);
        }

        await using var check = DirectoryDatabase.CreateContext(path);
        Assert.Equal(396, await check.Municipalities.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(53, await check.Districts.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(5, await check.GovernmentRegions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(nrw.Data.Postcodes.Count, await check.Postcodes.CountAsync(TestContext.Current.CancellationToken));
    }
}
