using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Directory.Core.Managers.Lists;
using Directory.Testing;

namespace Directory.Api.Tests.Startup;

/// <summary>
/// Scale-out: two service processes over one database share nothing else (no cache, no message bus); each notices an
/// import made from outside within seconds and then answers the same. On PostGIS this is the server mode's point; on
/// the GeoPackage two processes on one file behave the same.
/// </summary>
public sealed class SeveralInstancesTests : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task TwoInstancesOverOneDatabaseBothServeAnImportWithinSeconds()
    {
        var cancel = TestContext.Current.CancellationToken;
        await ImportedGeography.CopyToAsync(folder.Database);
        using var first = ServiceProcess.Start(folder.Database);
        using var second = ServiceProcess.Start(folder.Database);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var instance in new[] { first, second })
        {
            await instance.WaitUntilReadyAsync(http, cancel);
            Assert.Empty((await http.GetFromJsonAsync<JsonElement[]>(instance.Url + "/api/managers", cancel))!);
        }

        // The same importer the CLI and the staff area run, from a third process's point of view: neither instance.
        Assert.Equal(ListImportResult.Applied, (await OutsideWriter.ImportAsync(folder.Database, OutsideWriter.DemoList, cancel)).Result);

        var expected = await OutsideWriter.PublicCountAsync(folder.Database, cancel);
        Assert.True(expected > 0);
        var answers = new List<string>();
        foreach (var instance in new[] { first, second })
        {
            var stopwatch = Stopwatch.StartNew();
            var managers = Array.Empty<JsonElement>();
            while (stopwatch.Elapsed < TimeSpan.FromSeconds(15) && managers.Length != expected)
            {
                await Task.Delay(250, cancel);
                managers = (await http.GetFromJsonAsync<JsonElement[]>(instance.Url + "/api/managers", cancel))!;
            }

            Assert.True(managers.Length == expected, $"{instance.Url} serves {managers.Length} of {expected} public entries after 15 s:\n{instance.Log}");
            answers.Add(await http.GetStringAsync(instance.Url + "/api/managers/nearby?plz=57462", cancel));
        }

        Assert.Equal(answers[0], answers[1]);
    }
}
