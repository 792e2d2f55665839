using Directory.Api.Startup;
using Directory.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Directory.Api.Snapshot;

/// <summary>
/// Picks up imports made while the service runs (the CLI writes the same file): every few seconds it asks SQLite's
/// <c>PRAGMA data_version</c>, which changes when another connection has committed, and then builds a new snapshot
/// beside the old one and swaps it in. Requests never see a half-built snapshot.
/// </summary>
public sealed class SnapshotRefresher(
    DirectoryInitializer initializer,
    IServiceScopeFactory scopes,
    SnapshotProvider snapshots,
    SnapshotLoader loader,
    IOptions<DirectoryOptions> options,
    ILogger<SnapshotRefresher> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Nothing to watch before the database is prepared, and nothing at all if it could not be.
        try
        {
            await initializer.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return;
        }

        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Database.GetConnectionString()!;
        }

        // data_version is per connection: it must stay open to notice other connections' commits.
        await using var watch = new SqliteConnection(connectionString);
        await watch.OpenAsync(stoppingToken);
        var version = await DataVersionAsync(watch, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var current = await DataVersionAsync(watch, stoppingToken);
                if (current == version)
                {
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                var snapshot = await loader.LoadAsync(scope.ServiceProvider.GetRequiredService<DirectoryDbContext>(), stoppingToken);
                snapshots.Publish(snapshot);
                version = current;
                logger.LogInformation("Database changed; new snapshot with {Managers} public family managers", snapshot.PublicManagers.Count);
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
            {
                // A write in progress or a locked file: keep serving the old snapshot and try again next tick.
                logger.LogWarning(ex, "Could not reload the directory; still serving the previous snapshot");
            }
        }
    }

    private static async Task<long> DataVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
