using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Directory.Core.Managers.Lists;

namespace Directory.Api.Tests.Startup;

public sealed class LiveReloadTests
{
    [Fact]
    public async Task AnImportWhileTheServiceRunsIsServedWithinSecondsWithoutARestart()
    {
        await using var factory = (await DirectoryApiFactory.WithGeographyAsync()).With("Directory:RefreshSeconds", "1");
        var client = factory.CreateClient();
        var before = await client.GetFromJsonAsync<JsonElement[]>("/api/managers", TestContext.Current.CancellationToken);
        Assert.Empty(before!);

        // The same importer the CLI runs, on the same file, from outside the service.
        Assert.Equal(ListImportResult.Applied,
            (await OutsideWriter.ImportAsync(factory.Database, OutsideWriter.DemoList, TestContext.Current.CancellationToken)).Result);

        var stopwatch = Stopwatch.StartNew();
        var count = 0;
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(15) && count == 0)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            count = (await client.GetFromJsonAsync<JsonElement[]>("/api/managers", TestContext.Current.CancellationToken))!.Length;
        }

        Assert.True(count > 0, "the service did not pick up the import");
    }
}
