using Microsoft.EntityFrameworkCore;

namespace Directory.Core.Storage;

/// <summary>
/// One row (table <c>directory_state</c>) that counts the changes of the directory: the geography's and the list's.
/// Every write path bumps its counter inside its own transaction, so a reader sees the counters and the data of one
/// commit. The service uses them to notice imports from any process or instance, to keep the geography (and what
/// is built from it) when only the list changed, and as ETags that are the same on every instance.
/// </summary>
public sealed class DirectoryState
{
    /// <summary>Always 1.</summary>
    public int Id { get; set; }

    /// <summary>Bumped by every geography import.</summary>
    public long GeographyVersion { get; set; }

    /// <summary>Bumped by every list import and every edited entry.</summary>
    public long ListVersion { get; set; }

    /// <summary>Reads the counters (zero for a database made before the table existed).</summary>
    public static async Task<(long Geography, long List)> ReadAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var state = await db.State.AsNoTracking().FirstOrDefaultAsync(s => s.Id == 1, cancellationToken);
        return state is null ? (0, 0) : (state.GeographyVersion, state.ListVersion);
    }

    /// <summary>Bumps the geography's counter; call inside the import's transaction.</summary>
    public static Task BumpGeographyAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        db.State.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.GeographyVersion, x => x.GeographyVersion + 1), cancellationToken);

    /// <summary>Bumps the list's counter; call inside the import's or edit's transaction.</summary>
    public static Task BumpListAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        db.State.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.ListVersion, x => x.ListVersion + 1), cancellationToken);
}
