using System.Data.Common;
using Directory.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Directory.Core.Snapshot;

/// <summary>
/// Picks up imports made while the service runs, by the CLI, the staff area of this or another instance: every few
/// seconds it reads the change counters (<see cref="DirectoryState"/>), which every write path bumps in its own
/// transaction, and when they moved it builds a new snapshot beside the old one and swaps it in. The same on the
/// GeoPackage and on PostGIS, where several instances share nothing but the database. Requests never see a
/// half-built snapshot.
/// </summary>
public sealed class SnapshotRefresher(
    IServiceScopeFactory scopes,
    SnapshotProvider snapshots,
    SnapshotLoader loader,
    IOptions<DirectoryOptions> options,
    ILogger<SnapshotRefresher> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Nothing to watch before the database is prepared and the first snapshot served (never, if it could not be).
        await snapshots.FirstPublished.WaitAsync(stoppingToken);

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
                var served = snapshots.Current;
                var (geography, list) = await DirectoryState.ReadAsync(db, stoppingToken);
                if (geography == served.Served.Version && list == served.ListVersion)
                {
                    continue;
                }

                var snapshot = await loader.LoadAsync(db, stoppingToken);
                if (snapshots.Publish(snapshot))
                {
                    logger.LogInformation("Database changed; new snapshot with {Managers} public family managers", snapshot.PublicManagers.Count);
                }
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
            {
                // A write in progress, a locked file or a server away for a moment: keep serving the old snapshot and
                // try again next tick.
                logger.LogWarning(ex, "Could not reload the directory; still serving the previous snapshot");
            }
        }
    }
}
