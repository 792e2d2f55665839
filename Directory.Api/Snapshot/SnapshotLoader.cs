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
/// what is built from it are kept from the served snapshot when the geography's counter has not moved; the
/// population cells, needed only for coverage, load in the background once the first snapshot is served.
/// </summary>
public sealed class SnapshotLoader(IOptions<JsonOptions> jsonOptions, SnapshotProvider snapshots, IServiceScopeFactory scopes)
{
    /// <summary>Builds a snapshot from <paramref name="db"/>, reusing <paramref name="geography"/> when the caller has it.</summary>
    public async Task<ServedSnapshot> LoadAsync(DirectoryDbContext db, CancellationToken cancellationToken,
        GeographySnapshot? geography = null)
    {
        // One read transaction: the counters, the geography and the managers come from the same commit.
        await using var read = await DirectoryDatabase.BeginReadAsync(db, cancellationToken);
        var (geographyVersion, listVersion) = await DirectoryState.ReadAsync(db, cancellationToken);
        var served = snapshots.CurrentOrNull?.Served;
        if (served is null || served.Version != geographyVersion)
        {
            geography ??= await GeographySnapshot.LoadAsync(db, cancellationToken);
            served = new ServedGeography(geography, geographyVersion, LoadCellsAsync(), new JsonSerializerOptions(jsonOptions.Value.SerializerOptions));
        }

        // Streamed: only the public view and the coverage inputs are kept, not 100,000 entities with their points.
        var publicManagers = new List<PublicFamilyManager>();
        var covered = new HashSet<string>();
        var coverageManagers = new List<CoverageManager>();
        var texts = new StringPool();
        await foreach (var manager in FamilyManagerReader.ReadAllAsync(db, cancellationToken))
        {
            if (PublicFamilyManager.From(manager, texts) is { } visible)
            {
                publicManagers.Add(visible);
            }

            if (manager.Status == ManagerStatus.Active)
            {
                var area = texts.Get(manager.AreaKey)!;
                covered.Add(area);
                coverageManagers.Add(new CoverageManager(area, manager.Location.X, manager.Location.Y));
            }
        }

        var regions = served.Geography;
        CoverageModel BuildCoverage(IReadOnlyList<CoverageCell> cells) => new(
            regions.Municipalities.Select(m => new CoverageMunicipality(m.Key, m.Name, m.DistrictKey!, m.GovernmentRegionKey!,
                m.Population, m.LabelPoint.Coordinate)),
            regions.Districts.ToDictionary(d => d.Key, d => d.Name),
            regions.GovernmentRegions.ToDictionary(r => r.Key, r => r.Name),
            cells, coverageManagers);
        return new ServedSnapshot(served, listVersion, publicManagers, covered, BuildCoverage);
    }

    // Its own context: the caller's is done (and not thread-safe) by the time this runs. At start it waits until the
    // first snapshot is served: on two cores, reading 27,759 cells beside the family managers delayed the first search.
    private Task<IReadOnlyList<CoverageCell>> LoadCellsAsync() => Task.Run(async () =>
    {
        await snapshots.FirstPublished;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        return (IReadOnlyList<CoverageCell>)(await db.PopulationCells.AsNoTracking().ToListAsync())
            .Select(c => new CoverageCell(c.Ags, c.Location.X, c.Location.Y, c.Population))
            .ToList();
    });
}
