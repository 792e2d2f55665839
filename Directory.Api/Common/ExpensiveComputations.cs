using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Directory.Api.Texts;
using Directory.Core.Snapshot;
using Microsoft.Extensions.Options;

namespace Directory.Api.Common;

/// <summary>
/// How the snapshot-level computations (coverage, gaps, history, planning; in km and minutes, with a date) share the
/// machine (configuration section <c>Limits:Computations</c>): so many at once, the rest queued for a while, each
/// with a budget of time after which it stops and the client is told to come back (503 with Retry-After).
/// </summary>
public sealed class ComputationOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Limits:Computations";

    /// <summary>
    /// Computations running at once. One on the 2-core machine: the other core stays with the citizens' searches,
    /// whatever the coverage and planning clients ask.
    /// </summary>
    [Range(1, 64)]
    public int Concurrent { get; set; } = 1;

    /// <summary>Requests waiting for a turn; one more is answered 503 at once.</summary>
    [Range(0, 10_000)]
    public int Queue { get; set; } = 32;

    /// <summary>How long a request waits for its turn (seconds) before it is answered 503.</summary>
    [Range(1, 600)]
    public int QueueSeconds { get; set; } = 10;

    /// <summary>How long one computation may run (seconds) before it stops and is answered 503.</summary>
    [Range(1, 3600)]
    public int WorkSeconds { get; set; } = 30;
}

/// <summary>
/// The queue in front of the snapshot-level computations (<see cref="ComputationOptions"/>), as an endpoint filter: a
/// permit from one concurrency limiter, given up when the client goes away; the road network awaited (not blocked
/// on) when minutes are asked; and the handler's cancellation token replaced by one that also ends with the work
/// budget, which the computations observe.
/// </summary>
public sealed class ExpensiveComputations(IOptions<ComputationOptions> options) : IDisposable
{
    /// <summary>The stable problem type of a 503 from here.</summary>
    public const string BusyType = "/problems/busy";

    private readonly ConcurrencyLimiter limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.Concurrent,
        QueueLimit = options.Value.Queue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private ComputationOptions Settings => options.Value;

    /// <inheritdoc />
    public void Dispose() => limiter.Dispose();

    /// <summary>The filter, for <c>AddEndpointFilter</c> on the groups of these endpoints.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var gate = http.RequestServices.GetRequiredService<ExpensiveComputations>();
        var settings = gate.Settings;
        var clientGone = http.RequestAborted;
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(clientGone);
        turn.CancelAfter(TimeSpan.FromSeconds(settings.QueueSeconds));
        RateLimitLease lease;
        try
        {
            lease = await gate.limiter.AcquireAsync(1, turn.Token);
        }
        catch (OperationCanceledException) when (!clientGone.IsCancellationRequested)
        {
            return Busy(http, settings.QueueSeconds);
        }

        using (lease)
        {
            if (!lease.IsAcquired)
            {
                return Busy(http, settings.QueueSeconds);
            }

            using var budget = CancellationTokenSource.CreateLinkedTokenSource(clientGone);
            budget.CancelAfter(TimeSpan.FromSeconds(settings.WorkSeconds));
            // The handler's arguments are bound before filters run: its CancellationToken is swapped here (the
            // request's own is left alone: ending it would abort the answer, not send the 503).
            for (var i = 0; i < context.Arguments.Count; i++)
            {
                if (context.Arguments[i] is CancellationToken)
                {
                    context.Arguments[i] = budget.Token;
                }
            }

            try
            {
                // The population cells (and, for minutes, a road network) still loading after a start or an import:
                // awaited here, so that the handlers only ever look at loaded ones and no thread blocks on them.
                if (http.RequestServices.GetService<SnapshotProvider>()?.Current.Served is { } served)
                {
                    await served.Cells.WaitAsync(budget.Token);
                    if (http.Request.Query.ContainsKey("minutes"))
                    {
                        await served.Roads.WaitAsync(budget.Token);
                    }
                }

                return await next(context);
            }
            // This request's budget, or (with more than one at a time) that of another request whose computation this
            // one was waiting for: either way the work did not finish, and the client may ask again.
            catch (OperationCanceledException) when (!clientGone.IsCancellationRequested)
            {
                return Busy(http, settings.WorkSeconds);
            }
        }
    }

    private static IResult Busy(HttpContext http, int retryAfterSeconds)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, type: BusyType, title: ApiTexts.BusyTitle,
            detail: string.Format(CultureInfo.CurrentCulture, ApiTexts.BusyDetail, retryAfterSeconds));
    }
}
