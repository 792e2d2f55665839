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

    /// <summary>Reads the counters (zero when the row is missing; the migrations create it).</summary>
    /// <remarks>
    /// Through <see cref="Rows"/>: it runs at every start and every poll of the refresher, and EF Core's first LINQ
    /// query costs about 0.3 s of a cold start (docs/performance.md).
    /// </remarks>
    public static async Task<(long Geography, long List)> ReadAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        (await Rows.ReadAsync<DirectoryState, (long, long)>(db, [nameof(GeographyVersion), nameof(ListVersion)], [nameof(Id)],
            row => (row.Get<long>(nameof(GeographyVersion)), row.Get<long>(nameof(ListVersion))), cancellationToken))
        .FirstOrDefault();

    /// <summary>
    /// A write that changes nothing, so that a read-only or locked database shows at start-up with its reason
    /// instead of at the first import.
    /// </summary>
    public static Task ProbeWriteAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        Rows.TouchAsync<DirectoryState>(db, nameof(ListVersion), cancellationToken);

    /// <summary>Bumps the geography's counter; call inside the import's transaction.</summary>
    public static Task BumpGeographyAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        db.State.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.GeographyVersion, x => x.GeographyVersion + 1), cancellationToken);

    /// <summary>Bumps the list's counter; call inside the import's or edit's transaction.</summary>
    public static Task BumpListAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        db.State.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.ListVersion, x => x.ListVersion + 1), cancellationToken);
}
