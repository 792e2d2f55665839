using System.Net;
using System.Text.Json;
using Directory.Api.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Directory.Api.Tests.Security;

/// <summary>
/// Issue 32: the queue in front of coverage and planning. A host of its own with the same filter on an endpoint whose
/// work the test controls: one at a time, a full queue and an exhausted budget are 503 with Retry-After, and a client
/// that goes away gives its turn back.
/// </summary>
public sealed class ExpensiveComputationsTests : IAsyncLifetime
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication app = null!;
    private HttpClient client = null!;
    private int running;
    private int mostAtOnce;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Limits:Computations:Concurrent"] = "1";
        builder.Configuration["Limits:Computations:Queue"] = "1";
        builder.Configuration["Limits:Computations:QueueSeconds"] = "1";
        builder.Configuration["Limits:Computations:WorkSeconds"] = "3";
        builder.Services.AddOptions<ComputationOptions>().BindConfiguration(ComputationOptions.Section);
        builder.Services.AddSingleton<ExpensiveComputations>();
        app = builder.Build();
        // Waits for the test's release, or runs until the budget's token ends it, as the road searches do.
        app.MapGet("/work", async (string? until, CancellationToken cancellationToken) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            try
            {
                await (until == "budget" ? Task.Delay(Timeout.Infinite, cancellationToken) : release.Task.WaitAsync(cancellationToken));
                return Results.Ok();
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }).AddEndpointFilter(ExpensiveComputations.FilterAsync);
        await app.StartAsync(Cancel);
        client = app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        release.TrySetResult();
        await app.DisposeAsync();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static async Task AssertBusyAsync(HttpResponseMessage response, int retryAfterSeconds = 1)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(retryAfterSeconds), response.Headers.RetryAfter?.Delta);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(ExpensiveComputations.BusyType, problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task OneRunsOneWaitsAndAThirdIsToldToComeBack()
    {
        var first = client.GetAsync("/work", Cancel);
        while (Volatile.Read(ref running) == 0)
        {
            await Task.Delay(10, Cancel);
        }

        var second = client.GetAsync("/work", Cancel);
        await Task.Delay(100, Cancel);
        // The queue (1) is full: at once.
        await AssertBusyAsync(await client.GetAsync("/work", Cancel));
        // The one waiting gets no turn within QueueSeconds either.
        await AssertBusyAsync(await second);

        release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task WorkBeyondTheBudgetStopsAndIsA503()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await AssertBusyAsync(await client.GetAsync("/work?until=budget", Cancel), retryAfterSeconds: 3);

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(15));
        Assert.Equal(0, Volatile.Read(ref running));
    }

    [Fact]
    public async Task AClientThatGoesAwayGivesItsTurnBack()
    {
        using (var gone = CancellationTokenSource.CreateLinkedTokenSource(Cancel))
        {
            var abandoned = client.GetAsync("/work", gone.Token);
            while (Volatile.Read(ref running) == 0)
            {
                await Task.Delay(10, Cancel);
            }

            await gone.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        }

        // The next client's work runs (the permit was returned) and finishes when released.
        while (Volatile.Read(ref running) != 0)
        {
            await Task.Delay(10, Cancel);
        }

        var next = client.GetAsync("/work", Cancel);
        while (Volatile.Read(ref running) == 0)
        {
            await Task.Delay(10, Cancel);
        }

        release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await next).StatusCode);
    }
}
