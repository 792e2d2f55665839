using System.Net.Http.Json;
using System.Text.Json;
using Directory.Core.Managers.Lists;
using Directory.Testing;
using Microsoft.Data.Sqlite;

namespace Directory.Api.Tests.Startup;

/// <summary>
/// The service killed (SIGKILL) while it answers searches and an import commits beside it: started again, it opens
/// the database, serves, and serves everything that was committed. (How fast it is back: bench/startup.sh and
/// docs/performance.md; a test asserts behaviour, not wall-clock time.)
/// </summary>
public sealed class KillUnderLoadTests : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task AServiceKilledUnderLoadStartsAgainAndServesEverythingCommitted()
    {
        var cancel = TestContext.Current.CancellationToken;
        await ImportedGeography.CopyToAsync(folder.Database);
        var demo = OutsideWriter.DemoList;
        Assert.Equal(ListImportResult.Applied, (await OutsideWriter.ImportAsync(folder.Database, demo, cancel)).Result);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        int committed;
        // One client making many requests: the per-address rate limit would answer 429, which is not what is tested.
        using (var service = ServiceProcess.Start(folder.Database, "--Security:PermitsPerMinute=0"))
        {
            await service.WaitUntilReadyAsync(http, cancel);
            using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            var answered = 0;
            var load = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
            {
                var postcodes = new[] { "57462", "50667", "33602", "48143", "44135" };
                for (var i = 0; !stopLoad.IsCancellationRequested; i++)
                {
                    try
                    {
                        using var response = await http.GetAsync($"{service.Url}/api/managers/nearby?plz={postcodes[(worker + i) % postcodes.Length]}", stopLoad.Token);
                        // Until the kill every answer is a success; after it the connection fails, which is expected.
                        Assert.True(response.IsSuccessStatusCode, $"answer {response.StatusCode} under load");
                        Interlocked.Increment(ref answered);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                    {
                        await Task.Delay(20, CancellationToken.None);
                    }
                }
            }, CancellationToken.None)).ToList();

            // A second list (the demo without its last 20 rows; Latin-1 keeps its Windows-1252 bytes as they are)
            // committed while the service answers and watches.
            var shorter = folder.File("kuerzer.csv");
            var lines = await File.ReadAllLinesAsync(demo, System.Text.Encoding.Latin1, cancel);
            await File.WriteAllLinesAsync(shorter, lines[..^20], System.Text.Encoding.Latin1, cancel);
            Assert.Equal(ListImportResult.Applied, (await OutsideWriter.ImportAsync(folder.Database, shorter, cancel)).Result);
            committed = await OutsideWriter.PublicCountAsync(folder.Database, cancel);
            await Task.Delay(300, cancel);

            service.Kill();
            await Task.Delay(300, cancel);
            await stopLoad.CancelAsync();
            await Task.WhenAll(load);
            Assert.True(answered > 0, "no search was answered before the kill");
        }

        if (!TestStore.IsPostgis)
        {
            await using var check = new SqliteConnection($"Data Source={folder.Database};Pooling=False");
            await check.OpenAsync(cancel);
            await using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await command.ExecuteScalarAsync(cancel));
        }

        using var again = ServiceProcess.Start(folder.Database);
        await again.WaitUntilReadyAsync(http, cancel);
        var managers = await http.GetFromJsonAsync<JsonElement[]>(again.Url + "/api/managers", cancel);
        Assert.Equal(committed, managers!.Length);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(again.Url + "/api/managers/nearby?plz=57462", cancel)).StatusCode);
    }
}
