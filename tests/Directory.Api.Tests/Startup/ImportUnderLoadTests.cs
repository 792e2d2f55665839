using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Api.Tests.Startup;

/// <summary>
/// A list is imported (as the CLI does, from another connection) while clients keep asking: no request fails, and
/// every answer is the old directory's or the new one's, never a mix.
/// </summary>
public sealed class ImportUnderLoadTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryAnswerDuringAnImportComesFromTheOldOrTheNewDirectory()
    {
        await using var factory = new DirectoryApiFactory().With("urls", "http://127.0.0.1:0").With("Directory:RefreshSeconds", "1")
            .With("Security:PermitsPerMinute", "0");
        factory.UseKestrel();
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        string[] paths = ["/api/managers", "/api/managers/nearby?plz=57462&radiusKm=50&limit=50", "/api/regions/05966/managers", "/api/coverage?level=kreis"];
        var before = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            before[path] = await client.GetStringAsync(path, Cancel);
        }

        // The new list: the demo list with every phone number changed and every third entry gone.
        using var folder = new TemporaryDirectory();
        var newList = folder.File("neu.csv");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var windows1252 = Encoding.GetEncoding(1252);
        var lines = await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.Root, "seeds", "familienmanager-demo.csv"), windows1252, Cancel);
        var phone = Array.IndexOf(lines[0].Split(';'), "Telefon");
        var changed = lines.Skip(1).Where((_, i) => i % 3 != 0).Select(line =>
        {
            var fields = line.Split(';');
            fields[phone] = "0211 " + fields[0].GetHashCode().ToString("x8")[..6];
            return string.Join(';', fields);
        });
        await File.WriteAllLinesAsync(newList, changed.Prepend(lines[0]), windows1252, Cancel);

        // Clients ask without pause until the new directory is served for a while.
        var answers = new ConcurrentBag<(string Path, HttpStatusCode Status, string Body)>();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var i = worker;
            while (!stop.IsCancellationRequested)
            {
                var path = paths[i++ % paths.Length];
                var response = await client.GetAsync(path, Cancel);
                answers.Add((path, response.StatusCode, await response.Content.ReadAsStringAsync(Cancel)));
            }
        })).ToList();

        await Task.Delay(300, Cancel);
        await using (var db = DirectoryDatabase.CreateContext(factory.Database))
        {
            var report = await ListImporter.ImportAsync(db, await GeographySnapshot.LoadAsync(db, Cancel), newList, new ListImportOptions(), Cancel);
            Assert.Equal(ListImportResult.Applied, report.Result);
            Assert.Equal(50, report.RemovedCount);
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && await client.GetStringAsync(paths[0], Cancel) == before[paths[0]])
        {
            await Task.Delay(100, Cancel);
        }

        await Task.Delay(500, Cancel);
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var after = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            after[path] = await client.GetStringAsync(path, Cancel);
            Assert.NotEqual(before[path], after[path]);
        }

        Assert.True(answers.Count > 100, $"only {answers.Count} answers during the import");
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.True(a.Body == before[a.Path] || a.Body == after[a.Path], $"{a.Path}: an answer that is neither the old nor the new directory"));
        Assert.Contains(answers, a => a.Body == before[a.Path]);
        Assert.Contains(answers, a => a.Body == after[a.Path]);
    }
}
