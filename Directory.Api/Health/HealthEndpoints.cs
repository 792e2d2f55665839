using Directory.Core.Snapshot;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Directory.Api.Health;

/// <summary>The service's health: up, and which data it serves.</summary>
/// <param name="Status">Always <c>ok</c> when the service answers (it answers only once the data is loaded).</param>
/// <param name="Municipalities">Number of municipalities in the served snapshot.</param>
/// <param name="LoadedAt">When the served snapshot was built.</param>
public sealed record HealthResponse(string Status, int Municipalities, DateTimeOffset LoadedAt);

/// <summary>Maps <c>/api/health</c>.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>/api/health</c>.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", GetHealth).WithTags("Betrieb").WithName(nameof(GetHealth))
            .WithSummary("Reports that the service is up and which data snapshot it serves.");
        // The cheapest answer the service can give: a liveness probe for load balancers, and the ceiling that
        // bench/load.sh measures every other endpoint against.
        app.MapGet("/api/ping", () => TypedResults.Text("pong")).WithTags("Betrieb").WithName("Ping")
            .WithSummary("Plain-text liveness probe.");
        return app;
    }

    private static Ok<HealthResponse> GetHealth(SnapshotProvider snapshots)
    {
        var current = snapshots.Current;
        return TypedResults.Ok(new HealthResponse("ok", current.Geography.Municipalities.Count, current.LoadedAt));
    }
}
