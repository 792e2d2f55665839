using System.Diagnostics;
using Directory.Api.Snapshot;
using Directory.Core.Geography;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Directory.Api.Startup;

/// <summary>
/// Gets the directory ready before the first request: migrates the database (creating it if missing), imports
/// the reference geography into an empty one through the same importer the CLI uses, and publishes the snapshot.
/// </summary>
public sealed class DirectoryInitializer(
    IServiceScopeFactory scopes,
    SnapshotProvider snapshots,
    SnapshotLoader loader,
    IOptions<DirectoryOptions> options,
    ILogger<DirectoryInitializer> logger)
{
    /// <summary>Runs the steps above; an existing, filled database is never re-imported.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var file = DirectoryDatabase.FilePath(db.Database.GetConnectionString()!);

        await DirectoryDatabase.MigrateAsync(db, cancellationToken);
        var fresh = !await db.Municipalities.AnyAsync(cancellationToken);
        // A database from before the population grid was part of the geography gets the geography again (same files,
        // same result); its family managers are kept.
        if (fresh || !await db.PopulationCells.AnyAsync(cancellationToken))
        {
            var source = options.Value.GeographySource;
            logger.LogInformation("Database {File} has no geography; importing it from {Source}", file, source);
            var result = await GeographyImporter.ImportAsync(db, GeographySources.InDirectory(source), cancellationToken);
            logger.LogInformation("Imported {Municipalities} municipalities, {Districts} districts, {Regions} government regions, {Postcodes} postcode points, {Cells} population cells",
                result.Municipalities, result.Districts, result.GovernmentRegions, result.Postcodes, result.PopulationCells);
        }

        var geography = await GeographySnapshot.LoadAsync(db, cancellationToken);
        if (fresh && !string.IsNullOrWhiteSpace(options.Value.SeedList))
        {
            await SeedAsync(db, geography, options.Value.SeedList, cancellationToken);
        }

        var snapshot = await loader.LoadAsync(db, cancellationToken, geography);
        snapshots.Publish(snapshot);
        logger.LogInformation("Directory ready from {File}: {Municipalities} municipalities, {Public} public family managers, in {Elapsed} ms",
            file, geography.Municipalities.Count, snapshot.PublicManagers.Count, stopwatch.ElapsedMilliseconds);
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
