using Directory.Core.Reports;
using Directory.Core.Storage;
using Microsoft.Extensions.Options;

namespace Directory.Api.Reports;

/// <summary>
/// Deletes reports marked done more than <see cref="ReportOptions.RetentionDays"/> ago, with their e-mail addresses:
/// once shortly after the start and then every six hours (the form's privacy text promises the period). Each
/// instance runs it; the delete is idempotent, so several instances over one database do no harm.
/// </summary>
public sealed class ReportRetentionService(IServiceScopeFactory scopes, IOptions<ReportOptions> options, ILogger<ReportRetentionService> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // After the start has settled: the first start migrates the database.
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            using var timer = new PeriodicTimer(Interval);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass; a failure is logged and tried again at the next pass.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            var deleted = await ManagerReports.DeleteExpiredAsync(db, DateTime.UtcNow, options.Value.RetentionDays, cancellationToken);
            if (deleted > 0)
            {
                logger.LogInformation("Deleted {Count} reports done more than {Days} days ago", deleted, options.Value.RetentionDays);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Deleting old reports failed; trying again in {Hours} hours", Interval.TotalHours);
        }
    }
}
