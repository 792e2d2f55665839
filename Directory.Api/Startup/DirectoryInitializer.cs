using System.Diagnostics;
using Directory.Core.Geography;
using Directory.Core.Geography.Import;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Directory.Api.Startup;

/// <summary>
/// Gets the directory ready: migrates the database (creating it if missing), imports the reference geography and
/// the seed list into an empty one through the same importers the CLI uses, then publishes the first snapshot while
/// the web server starts. An existing, filled database is never re-imported.
/// </summary>
public sealed class DirectoryInitializer(
    IServiceScopeFactory scopes,
    SnapshotProvider snapshots,
    SnapshotLoader loader,
    IOptions<DirectoryOptions> options,
    ILogger<DirectoryInitializer> logger)
{
    /// <summary>Exit code when the database cannot be used (EX_CONFIG): a service manager should not restart in a loop.</summary>
    public const int ExitDatabaseUnusable = 78;

    private const int BusyAttempts = 4;

    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first snapshot is published; faults with the reason when the database is unusable.</summary>
    public Task Ready => ready.Task;

    /// <summary>
    /// Brings the database to the current schema and, when it is new, imports the geography and the seed list;
    /// false (after logging why) when the database cannot be used. Every other part of the service that touches the
    /// database (sign-in, the refresher) waits for <see cref="Ready"/>, so it may rely on the schema.
    /// </summary>
    private async Task<bool> PrepareDatabaseAsync(CancellationToken cancellationToken)
    {
        // Another process writing at the same moment (a second instance starting, an import) is waited out a few
        // times; a file that stays locked is reported as such.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await PrepareOnceAsync(cancellationToken);
            }
            catch (Exception ex) when (attempt < BusyAttempts && DatabaseProblems.IsBusy(ex))
            {
                logger.LogWarning("The database is busy (attempt {Attempt} of {Attempts}); trying again", attempt, BusyAttempts);
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Fail(ex);
                return false;
            }
        }
    }

    private async Task<bool> PrepareOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var file = DirectoryDatabase.Describe(db.Database.GetConnectionString()!);
        await DirectoryDatabase.MigrateAsync(db, cancellationToken);
        await DirectoryState.ProbeWriteAsync(db, cancellationToken);
        var fresh = !await Rows.AnyAsync<Municipality>(db, cancellationToken);
        // A database from before the population grid was part of the geography gets the geography again (same
        // files, same result); its family managers are kept.
        if (fresh || !await Rows.AnyAsync<PopulationCell>(db, cancellationToken))
        {
            var source = options.Value.GeographySource;
            logger.LogInformation("Database {File} has no geography; importing it from {Source}", file, source);
            var result = await GeographyImporter.ImportAsync(db, GeographySources.InDirectory(source), cancellationToken);
            logger.LogInformation("Imported {Municipalities} municipalities, {Districts} districts, {Regions} government regions, {Postcodes} postcode points, {Cells} population cells",
                result.Municipalities, result.Districts, result.GovernmentRegions, result.Postcodes, result.PopulationCells);
        }

        if (fresh && !string.IsNullOrWhiteSpace(options.Value.SeedList))
        {
            await SeedAsync(db, await GeographySnapshot.LoadAsync(db, cancellationToken), options.Value.SeedList, cancellationToken);
        }

        // The sign-in keys live in the database too. A new database has none: make the first now, while nothing else
        // writes or reads, instead of at the first request, where the key's write would meet the snapshot's read.
        // With keys present (every later start) there is nothing to write, and reading them cost 0.25 s of the start
        // for a staff sign-in that may never come: the first staff request reads them.
        if (!await Rows.AnyAsync<DataProtectionKey>(db, cancellationToken))
        {
            scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("startup").Protect([1]);
        }

        return true;
    }

    /// <summary>
    /// Prepares the database and loads the first snapshot in the background, while the web server maps its endpoints
    /// and starts: on a 2-core machine each takes a good part of a second, and they overlap (docs/performance.md).
    /// Requests wait for <see cref="Ready"/>. A database that cannot be used is logged with its reason, the exit code
    /// is set to <see cref="ExitDatabaseUnusable"/> and the service stops.
    /// </summary>
    public void Start(IHostApplicationLifetime lifetime) => _ = Task.Run(async () =>
    {
        try
        {
            if (!await PrepareDatabaseAsync(lifetime.ApplicationStopping))
            {
                lifetime.StopApplication();
                return;
            }

            var stopwatch = Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            var snapshot = await loader.LoadAsync(db, lifetime.ApplicationStopping);
            snapshots.Publish(snapshot);
            ready.TrySetResult();
            logger.LogInformation("Directory ready from {File}: {Municipalities} municipalities, {Public} public family managers, snapshot in {Elapsed} ms",
                DirectoryDatabase.Describe(db.Database.GetConnectionString()!), snapshot.Geography.Municipalities.Count,
                snapshot.PublicManagers.Count, stopwatch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            ready.TrySetCanceled();
        }
        catch (Exception ex)
        {
            Fail(ex);
            lifetime.StopApplication();
        }
    });

    private void Fail(Exception ex)
    {
        logger.LogCritical(ex, "{Reason} The service stops.", DatabaseProblems.Explain(ex, options.Value.GeographySource));
        Environment.ExitCode = ExitDatabaseUnusable;
        ready.TrySetException(ex);
    }

    private async Task SeedAsync(DirectoryDbContext db, GeographySnapshot geography, string seedList, CancellationToken cancellationToken)
    {
        var report = await ListImporter.ImportAsync(db, geography, seedList, new ListImportOptions(ImportedBy: "start:seed"), cancellationToken);
        if (report.Result != ListImportResult.Applied)
        {
            // The seed is the project's own file; if it does not import cleanly the build is broken, not the user's data.
            throw new InvalidOperationException($"The seed list {seedList} did not import: {ListReportText.Render(report)}");
        }

        logger.LogInformation("Imported the seed list {SeedList}: {Added} family managers", seedList, report.AddedCount);
    }
}
