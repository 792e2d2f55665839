using System.Text.Json;
using Directory.Core.Coverage;
using Directory.Core.Managers;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Directory.Api.Snapshot;

/// <summary>Reads the database and builds a <see cref="ServedSnapshot"/>: at start and after every import.</summary>
public sealed class SnapshotLoader(IOptions<JsonOptions> jsonOptions)
{
    /// <summary>Builds a snapshot from <paramref name="db"/>, reusing <paramref name="geography"/> when the caller has it.</summary>
    public async Task<ServedSnapshot> LoadAsync(DirectoryDbContext db, CancellationToken cancellationToken,
        GeographySnapshot? geography = null)
    {
        geography ??= await GeographySnapshot.LoadAsync(db, cancellationToken);
        var managers = await db.FamilyManagers.AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var publicManagers = managers.Select(PublicFamilyManager.From).OfType<PublicFamilyManager>().ToList();
        var active = managers.Where(m => m.Status == ManagerStatus.Active).ToList();
        var covered = active.Select(m => m.AreaKey).ToHashSet();
        var cells = (await db.PopulationCells.AsNoTracking().ToListAsync(cancellationToken))
            .Select(c => new CoverageCell(c.Ags, c.Location.X, c.Location.Y, c.Population))
            .ToList();
        var coverageManagers = active.Select(m => new CoverageManager(m.AreaKey, m.Location.X, m.Location.Y)).ToList();
        CoverageModel BuildCoverage() => new(
            geography.Municipalities.Select(m => new CoverageMunicipality(m.Key, m.Name, m.DistrictKey!, m.GovernmentRegionKey!,
                m.Population, m.LabelPoint.Coordinate)),
            geography.Districts.ToDictionary(d => d.Key, d => d.Name),
            geography.GovernmentRegions.ToDictionary(r => r.Key, r => r.Name),
            cells, coverageManagers);
        return new ServedSnapshot(geography, publicManagers, covered, BuildCoverage, new JsonSerializerOptions(jsonOptions.Value.SerializerOptions));
    }
}
