using System.Text.Json;
using Directory.Core.Coverage;
using Directory.Core.Managers;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Directory.Api.Snapshot;

/// <summary>
/// Reads the database and builds a <see cref="ServedSnapshot"/>: at start and after every change. The geography and
/// what is built from it are kept from the served snapshot when the geography's counter has not moved; the list
/// comes from its stored copy (<see cref="ServedListCache"/>) when that is current, else from its rows, after which
/// a new copy is stored in the background; the population cells, needed only for coverage, load in the background
/// once the first snapshot is served.
/// </summary>
public sealed class SnapshotLoader(IOptions<JsonOptions> jsonOptions, SnapshotProvider snapshots, IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime, ILogger<SnapshotLoader> logger)
{
    /// <summary>Builds a snapshot from <paramref name="db"/>, reusing <paramref name="geography"/> when the caller has it.</summary>
    public async Task<ServedSnapshot> LoadAsync(DirectoryDbContext db, CancellationToken cancellationToken,
        GeographySnapshot? geography = null)
    {
        // One read transaction: the counters, the geography and the managers come from the same commit.
        await using var read = await DirectoryDatabase.BeginReadAsync(db, cancellationToken);
        var kept = snapshots.CurrentOrNull?.Served;
        var stored = await ReadAsync(DatabaseRead.Of(db), kept?.Version, geography, cancellationToken);
        if (stored.CopyProblem is { } problem)
        {
            logger.LogWarning(problem, "The stored copy of list version {Version} cannot be read; reading the list itself", stored.ListVersion);
        }

        var list = stored.List;
        if (list is null)
        {
            var rows = await ServedList.ReadAsync(db, cancellationToken);
            StoreLater(rows, stored.ListVersion);
            list = new IndexedList(rows);
        }
        else
        {
            logger.LogDebug("List version {Version} read from its stored copy", stored.ListVersion);
        }

        return Build(stored with { List = list }, kept);
    }

    /// <summary>
    /// Reads what a snapshot is made of in the read transaction of <paramref name="read"/>: the counters, the
    /// geography unless <paramref name="keptGeographyVersion"/> is its current version (then the served one is kept)
    /// and the list from its stored copy when that is current (else <see cref="StoredSnapshot.List"/> is null and the
    /// caller reads the rows). The copy is decoded and indexed on another core while this one reads the geography.
    /// Plain SQL only: the start reads a current GeoPackage with it before EF Core's services are built.
    /// </summary>
    public static async Task<StoredSnapshot> ReadAsync(DatabaseRead read, long? keptGeographyVersion, GeographySnapshot? geography,
        CancellationToken cancellationToken)
    {
        var (geographyVersion, listVersion) = await DirectoryState.ReadAsync(read, cancellationToken);
        var decodingCopy = await StartDecodingCopyAsync(read, listVersion, cancellationToken);
        if (keptGeographyVersion == geographyVersion)
        {
            geography = null;
        }
        else
        {
            geography ??= await GeographySnapshot.LoadAsync(read, cancellationToken);
        }

        var stored = new StoredSnapshot(geographyVersion, geography, listVersion, null, null);
        if (decodingCopy is null)
        {
            return stored;
        }

        try
        {
            return stored with { List = await decodingCopy };
        }
        catch (FormatException ex)
        {
            return stored with { CopyProblem = ex };
        }
    }

    /// <summary>
    /// Puts the snapshot together from what <see cref="ReadAsync"/> read and a list (<see cref="StoredSnapshot.List"/>
    /// must be set), with <paramref name="kept"/> when the geography was not read because it is current.
    /// </summary>
    public ServedSnapshot Build(StoredSnapshot stored, ServedGeography? kept = null)
    {
        var list = stored.List ?? throw new ArgumentException("The snapshot has no list yet.", nameof(stored));
        var served = stored.Geography is { } geography
            ? new ServedGeography(geography, stored.GeographyVersion, LoadCellsAsync(), new JsonSerializerOptions(jsonOptions.Value.SerializerOptions))
            : kept ?? throw new ArgumentException("The geography was neither read nor kept.", nameof(kept));
        var regions = served.Geography;
        CoverageModel BuildCoverage(IReadOnlyList<CoverageCell> cells) => new(
            regions.Municipalities.Select(m => new CoverageMunicipality(m.Key, m.Name, m.DistrictKey!, m.GovernmentRegionKey!,
                m.Population, m.LabelPoint.Coordinate)),
            regions.Districts.ToDictionary(d => d.Key, d => d.Name),
            regions.GovernmentRegions.ToDictionary(r => r.Key, r => r.Name),
            cells, CoverageManager.AtPublicPositions(list.List.CoverageManagers, key => regions.Find(key)?.LabelPoint.Coordinate));
        return new ServedSnapshot(served, stored.ListVersion, list, BuildCoverage);
    }

    // The stored copy's bytes when it is the list's current one, decoding and indexing in the background; null when
    // there is none. On a thread of its own: at start the pool's threads are taken by the start itself, and a queued
    // decoding waited 80-130 ms for one in two of three starts (docs/performance.md).
    private static async Task<Task<IndexedList>?> StartDecodingCopyAsync(DatabaseRead read, long listVersion,
        CancellationToken cancellationToken) =>
        await ServedListCache.ReadBytesAsync(read, listVersion, cancellationToken) is { } data
            ? Task.Factory.StartNew(() => new IndexedList(ServedListCache.Deserialize(data)), cancellationToken,
                TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : null;

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

    // Its own context: the caller's is done (and not thread-safe) by the time this runs. At start it waits until the
    // first snapshot is served: on two cores, reading 27,759 cells beside the family managers delayed the first search.
    private Task<IReadOnlyList<CoverageCell>> LoadCellsAsync() => Task.Run(async () =>
    {
        await snapshots.FirstPublished;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var cells = (IReadOnlyList<CoverageCell>)(await db.PopulationCells.AsNoTracking().ToListAsync())
            .Select(c => new CoverageCell(c.Ags, c.Location.X, c.Location.Y, c.Population))
            .ToList();
        // The last of the start's reading (the list or its copy, the geography, these cells): what it left behind
        // goes back to the system instead of staying resident.
        SnapshotProvider.ReturnFreedMemory();
        return cells;
    });
}

/// <summary>What <see cref="SnapshotLoader.ReadAsync"/> read from the database for a snapshot.</summary>
/// <param name="GeographyVersion">The geography's counter.</param>
/// <param name="Geography">The geography read, or null when the served one is current and kept.</param>
/// <param name="ListVersion">The list's counter.</param>
/// <param name="List">The list from its stored copy, or null when there is no current copy (or it is damaged).</param>
/// <param name="CopyProblem">Why a current copy could not be read, if it could not.</param>
public sealed record StoredSnapshot(long GeographyVersion, GeographySnapshot? Geography, long ListVersion, IndexedList? List,
    FormatException? CopyProblem);
