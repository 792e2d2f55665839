using System.Text.Json;
using Directory.Core.Coverage;
using Directory.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Core.Snapshot;

/// <summary>
/// Reads the database and builds a <see cref="ServedSnapshot"/>: at start and after every change. The geography and
/// what is built from it are kept from the served snapshot when the geography's counter has not moved; the
/// population cells, needed only for coverage, load in the background once the first snapshot is served.
/// </summary>
/// <param name="jsonOptions">The options the host writes JSON with (the map boundaries are rendered with them).</param>
/// <param name="snapshots">The served snapshot (whose geography may be kept).</param>
/// <param name="scopes">For a context of its own when the population cells load in the background.</param>
public sealed class SnapshotLoader(JsonSerializerOptions jsonOptions, SnapshotProvider snapshots, IServiceScopeFactory scopes)
{
    /// <summary>Builds a snapshot from <paramref name="db"/>, reusing <paramref name="geography"/> when the caller has it.</summary>
    public async Task<ServedSnapshot> LoadAsync(DirectoryDbContext db, CancellationToken cancellationToken,
        GeographySnapshot? geography = null)
    {
        // One read transaction: the counters, the geography and the managers come from the same commit.
        await using var read = await DirectoryDatabase.BeginReadAsync(db, cancellationToken);
        var (geographyVersion, listVersion) = await DirectoryState.ReadAsync(db, cancellationToken);
        var kept = snapshots.CurrentOrNull?.Served is { } served && served.Version == geographyVersion ? served : null;
        if (kept is null)
        {
            geography ??= await GeographySnapshot.LoadAsync(db, cancellationToken);
        }

        var list = await ServedList.ReadAsync(db, cancellationToken);
        var regions = kept ?? new ServedGeography(geography!, geographyVersion, LoadCellsAsync(), jsonOptions);
        return new ServedSnapshot(regions, listVersion, list, cells => BuildCoverage(regions.Geography, list, cells));
    }

    private static CoverageModel BuildCoverage(GeographySnapshot regions, ServedList list, IReadOnlyList<CoverageCell> cells) => new(
        regions.Municipalities.Select(m => new CoverageMunicipality(m.Key, m.Name, m.DistrictKey!, m.GovernmentRegionKey!,
            m.Population, m.LabelPoint.Coordinate)),
        regions.Districts.ToDictionary(d => d.Key, d => d.Name),
        regions.GovernmentRegions.ToDictionary(r => r.Key, r => r.Name),
        cells,
        // An entry without consent counts only at its area's label point: nothing public reveals where it is.
        CoverageManager.AtPublicPositions(list.CoverageManagers, key => regions.Find(key)?.LabelPoint.Coordinate));

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
        // The last of the start's reading (the list, the geography, these cells): what it left behind goes back to
        // the system instead of staying resident.
        SnapshotProvider.ReturnFreedMemory();
        return cells;
    });
}
