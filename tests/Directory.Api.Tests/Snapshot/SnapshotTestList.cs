using Directory.Api.Tests.Startup;
using Directory.Core.Managers;
using Directory.Core.Storage;
using Directory.Testing;
using NetTopologySuite.Geometries;

namespace Directory.Api.Tests.Snapshot;

/// <summary>
/// A database for the tests of what the snapshot reads: the imported geography, the demo list, and two more entries
/// so that the list holds both statuses and consents, every location source and an entry with every optional field
/// empty.
/// </summary>
internal static class SnapshotTestList
{
    public static async Task PrepareAsync(string database, CancellationToken cancel)
    {
        await ImportedGeography.CopyToAsync(database);
        Assert.Equal(Core.Managers.Lists.ListImportResult.Applied, (await OutsideWriter.ImportAsync(database, OutsideWriter.DemoList, cancel)).Result);
        await using var write = DirectoryDatabase.CreateContext(database);
        var factory = new GeometryFactory(new PrecisionModel(), Core.Geo.Crs.Etrs89Utm32N);
        write.FamilyManagers.AddRange(
            new FamilyManager
            {
                Surname = "Leer", FirstName = "Ohne", AreaKey = "05315000", Status = ManagerStatus.Inactive,
                PublicationConsent = false, LocationSource = LocationSource.Area, Location = factory.CreatePoint(new Coordinate(356_000.5, 5_645_000.25)),
            },
            new FamilyManager
            {
                CertificateNumber = "FM-TEST-1", Title = "Dr.", Surname = "Voll", FirstName = "Mit", AreaKey = "05554",
                Organisation = "Kreis Borken", Street = "Burloer Straße 93", Postcode = "46325", Town = "Borken",
                Email = "mit.voll@example.org", Phone = "02861 000", Website = "https://example.org", CertifiedOn = new DateOnly(2024, 2, 29),
                Status = ManagerStatus.Active, PublicationConsent = true, LocationSource = LocationSource.Postcode,
                Location = factory.CreatePoint(new Coordinate(345_123.125, 5_747_321.875)),
            });
        await write.SaveChangesAsync(cancel);
    }
}
