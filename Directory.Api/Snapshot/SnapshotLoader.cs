using System.Text.Json;
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
        var covered = managers.Where(m => m.Status == ManagerStatus.Active).Select(m => m.AreaKey).ToHashSet();
        return new ServedSnapshot(geography, publicManagers, covered, new JsonSerializerOptions(jsonOptions.Value.SerializerOptions));
    }
}
