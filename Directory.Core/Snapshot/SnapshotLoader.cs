using System.Text.Json;
using Directory.Core.Coverage;
using Directory.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Directory.Core.Snapshot;

/// <summary>
/// Reads the database and builds a <see cref="ServedSnapshot"/>: at start and after every change. The geography and
/// what is built from it are kept from the served snapshot when the geography's counter has not moved; the list comes
/// from its stored copy (<see cref="ServedListCache"/>) when that is current, decoded on a thread of its own while the
/// geography is read, else from its rows, after which a new copy is stored in the background; the population cells,
/// needed only for coverage, load in the background once the first snapshot is served.
/// </summary>
/// <param name="jsonOptions">The options the host writes JSON with (the map boundaries are rendered with them).</param>
/// <param name="snapshots">The served snapshot (whose geography may be kept).</param>
/// <param name="scopes">For a context of its own when the population cells load or a copy is stored in the background.</param>
/// <param name="lifetime">Stops background work when the service stops.</param>
/// <param name="logger">Logs a damaged or unstorable copy.</param>
/// <param name="cacheBytes">The byte budget of what each snapshot computes and keeps (<c>Directory:CacheMegabytes</c>).</param>
public sealed class SnapshotLoader(JsonSerializerOptions jsonOptions, SnapshotProvider snapshots, IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime, ILogger<SnapshotLoader> logger, long cacheBytes = ServedSnapshot.DefaultCacheBytes)
{
    /// <summary>Builds a snapshot from <paramref name="db"/>, reusing <paramref name="geography"/> when the caller has it.</summary>
    public async Task<ServedSnapshot> LoadAsync(DirectoryDbContext db, CancellationToken cancellationToken,
        GeographySnapshot? geography = null)
    {
        // One read transaction: the counters, the geography and the managers come from the same commit.
        await using var read = await DirectoryDatabase.BeginReadAsync(db, cancellationToken);
        var (geographyVersion, listVersion) = await DirectoryState.ReadAsync(db, cancellationToken);
        // On a thread of its own: at start the pool's threads are taken by the start itself.
        var decoding = await ServedListCache.ReadBytesAsync(db, listVersion, cancellationToken) is { } copy
            ? Task.Factory.StartNew(() => ServedListCache.Deserialize(copy), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : null;
        var kept = snapshots.CurrentOrNull?.Served is { } served && served.Version == geographyVersion ? served : null;
        if (kept is null)
        {
            geography ??= await GeographySnapshot.LoadAsync(db, cancellationToken);
        }

        ServedList? list = null;
        try
        {
            list = decoding is null ? null : await decoding;
        }
        catch (FormatException ex)
        {
            logger.LogWarning(ex, "The stored copy of list version {Version} cannot be read; reading the list itself", listVersion);
        }

        if (list is null)
        {
            list = await ServedList.ReadAsync(db, cancellationToken);
            StoreLater(list, listVersion);
        }

        var regions = kept ?? new ServedGeography(geography!, geographyVersion, LoadCellsAsync(), jsonOptions, LoadRoadsAsync());
        return new ServedSnapshot(regions, listVersion, list, cacheBytes);
    }

    private void StoreLater(ServedList list, long listVersion) => _ = Task.Run(async () =>
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            await snapshots.FirstPublished.WaitAsync(stopping);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            if (await ServedListCache.StoreAsync(db, list, listVersion, stopping))
            {
                logger.LogDebug("Stored a copy of list version {Version} for the next start", listVersion);
            }

            // Writing the copy left its buffers (three times its 11 MB at 100,000 entries) behind.
            SnapshotProvider.ReturnFreedMemory();
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            // Only a cache: the next start reads the rows again. A write in progress elsewhere, a read-only file or a
            // server away for a moment must not disturb serving.
            logger.LogWarning(ex, "Could not store a copy of list version {Version}; the next start reads the list itself", listVersion);
        }
        catch (Exception)
        {
            // The service is stopping: nothing to store for.
        }
    });

    // Like the cells, after the first snapshot is served. A network that cannot be read leaves the service in
    // kilometres (and says so in the log) rather than stopping it.
    private Task<Roads.RoadNetwork?> LoadRoadsAsync() => Task.Run(async () =>
    {
        await snapshots.FirstPublished;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        try
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var network = await Storage.RoadNetworkStore.LoadAsync(db, lifetime.ApplicationStopping);
            if (network is not null)
            {
                logger.LogInformation("Road network loaded: {Nodes} nodes, {Edges} edges, {Megabytes} MB with its hierarchies, in {Seconds:0.0} s",
                    network.NodeCount, network.EdgeCount, network.Bytes >> 20, stopwatch.Elapsed.TotalSeconds);
                SnapshotProvider.ReturnFreedMemory();
            }

            return network;
        }
        catch (Exception ex) when (ex is FormatException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "The stored road network cannot be read; travel times are off until it is imported again");
            return null;
        }
    });

    // Its own context: the caller's is done (and not thread-safe) by the time this runs. At start it waits until the
    // first snapshot is served: on two cores, reading 27,759 cells beside the family managers delayed the first search.
    private Task<IReadOnlyList<CoverageCell>> LoadCellsAsync() => Task.Run(async () =>
    {
        await snapshots.FirstPublished;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var cells = (IReadOnlyList<CoverageCell>)(await db.PopulationCells.AsNoTracking().ToListAsync())
            .Select(c => new CoverageCell(c.Ags, c.Location.X, c.Location.Y, c.Population, c.Children))
            .ToList();
        // The last of the start's reading (the list, the geography, these cells): what it left behind goes back to
        // the system instead of staying resident.
        SnapshotProvider.ReturnFreedMemory();
        return cells;
    });
}
