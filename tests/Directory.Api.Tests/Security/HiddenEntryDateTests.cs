using System.Globalization;
using System.Text;
using System.Text.Json;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Api.Tests.Security;

/// <summary>
/// Issue 32: dated answers tell of a hidden entry its certification year at most (it counts from the 1st of January
/// after), and every date with the same entries certified by then is one computation, whatever dates are asked.
/// </summary>
public sealed class HiddenEntryDateTests : IAsyncLifetime
{
    private DirectoryApiFactory factory = null!;
    private TemporaryDirectory folder = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        folder = new TemporaryDirectory();
        factory = (await DirectoryApiFactory.WithGeographyAsync()).With("Security:PermitsPerMinute", "0");
        factory.CreateClient();
        // A public entry in Attendorn since 2015, a hidden one in Olpe since 15 June 2020, a public one in Wenden since 2023.
        var path = folder.File("liste.csv");
        await File.WriteAllTextAsync(path, "Zertifikatsnummer;Nachname;Vorname;AGS;Organisation;Zertifiziert am;Status;Veröffentlichen\n"
            + "D-1;Offen;Anna;05966004;Stadt Attendorn;01.03.2015;aktiv;ja\n"
            + "D-2;Verborgen;Berta;05966024;Stadt Olpe;15.06.2020;aktiv;nein\n"
            + "D-3;Neu;Clara;05966028;Gemeinde Wenden;01.09.2023;aktiv;ja\n", Encoding.UTF8, Cancel);
        await using var db = DirectoryDatabase.CreateContext(factory.Database);
        var report = await ListImporter.ImportAsync(db, await GeographySnapshot.LoadAsync(db, Cancel), path, new ListImportOptions(ListImportMode.Replace), Cancel);
        Assert.Equal(ListImportResult.Applied, report.Result);
        factory.Services.GetRequiredService<SnapshotProvider>().Publish(await factory.Services.GetRequiredService<SnapshotLoader>().LoadAsync(db, Cancel));
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        folder.Dispose();
    }

    private async Task<string> CoverageAsync(DateOnly day)
    {
        var json = await factory.CreateClient().GetStringAsync(
            $"/api/coverage?level=gemeinde&within=05966&radiusKm=5&date={day:yyyy-MM-dd}", Cancel);
        // The date asked is echoed; everything else must be the same.
        var answer = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        answer.Remove("date");
        return JsonSerializer.Serialize(answer);
    }

    [Fact]
    public async Task NoDateOfTheHiddenEntrysYearTellsTheDayItWasCertified()
    {
        // Before: the answer changed between the 14th and the 15th of June 2020.
        var first = await CoverageAsync(new DateOnly(2020, 1, 1));
        for (var day = new DateOnly(2020, 1, 1); day.Year == 2020; day = day.AddDays(3))
        {
            Assert.Equal(first, await CoverageAsync(day));
        }

        Assert.Equal(first, await CoverageAsync(new DateOnly(2020, 12, 31)));
        // From New Year's Day after, it counts (its Gemeinde is covered).
        var counted = await CoverageAsync(new DateOnly(2021, 1, 1));
        Assert.NotEqual(first, counted);
        var olpe = JsonDocument.Parse(counted).RootElement.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "05966024");
        Assert.Equal(1, olpe.GetProperty("managers").GetInt32());
    }

    [Fact]
    public void EveryDateMapsToOneOfTheCertificationDates()
    {
        var snapshot = factory.Services.GetRequiredService<SnapshotProvider>().Current;
        var sets = Enumerable.Range(0, 365 * 15).Select(i => snapshot.CertifiedSet(new DateOnly(2012, 1, 1).AddDays(i))).Distinct().ToList();

        // Before the first certification, and at each of the three (the hidden one at 1 January 2021): four models at most.
        Assert.Equal([DateOnly.MinValue, new DateOnly(2015, 3, 1), new DateOnly(2021, 1, 1), new DateOnly(2023, 9, 1)], sets.OfType<DateOnly>().Order());
        Assert.Null(snapshot.CertifiedSet(null));
    }
}
