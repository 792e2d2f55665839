using System.Data.Common;
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
    /// <summary>The table.</summary>
    public const string Table = "directory_state";

    /// <summary>The key column (always 1).</summary>
    public const string IdColumn = "Id";

    /// <summary>The geography's counter column.</summary>
    public const string GeographyVersionColumn = "geography_version";

    /// <summary>The list's counter column.</summary>
    public const string ListVersionColumn = "list_version";

    /// <summary>Always 1.</summary>
    public int Id { get; set; }

    /// <summary>Bumped by every geography import.</summary>
    public long GeographyVersion { get; set; }

    /// <summary>Bumped by every list import and every edited entry.</summary>
    public long ListVersion { get; set; }

    /// <summary>Reads the counters (zero for a database made before the table existed).</summary>
    /// <remarks>
    /// Plain SQL on the context's connection and transaction: it runs at every start and every poll of the refresher,
    /// and EF Core's first LINQ query costs about 0.3 s of a cold start (docs/performance.md).
    /// </remarks>
    public static Task<(long Geography, long List)> ReadAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        DirectoryDatabase.QueryAsync(db, CountersSql, reader => ReadCountersAsync(reader, cancellationToken), cancellationToken);

    /// <summary>Reads the counters on an open connection, in its transaction.</summary>
    public static Task<(long Geography, long List)> ReadAsync(DatabaseRead read, CancellationToken cancellationToken) =>
        read.QueryAsync(CountersSql, reader => ReadCountersAsync(reader, cancellationToken), cancellationToken);

    private static readonly string CountersSql = $"SELECT {GeographyVersionColumn}, {ListVersionColumn} FROM {Table} WHERE \"{IdColumn}\" = 1";

    private static async Task<(long Geography, long List)> ReadCountersAsync(DbDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetInt64(1)) : (0L, 0L);

    /// <summary>
    /// A write that changes nothing, so that a read-only or locked database shows at start-up with its reason
    /// instead of at the first import. Plain SQL for the same reason as <see cref="ReadAsync(DirectoryDbContext, CancellationToken)"/>.
    /// </summary>
    public static Task ProbeWriteAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(ProbeSql, cancellationToken);

    /// <summary>The same write on an open connection.</summary>
    public static async Task ProbeWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = ProbeSql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static readonly string ProbeSql = $"UPDATE {Table} SET {ListVersionColumn} = {ListVersionColumn} WHERE \"{IdColumn}\" = 1";

    /// <summary>Bumps the geography's counter; call inside the import's transaction.</summary>
    public static Task BumpGeographyAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        db.State.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.GeographyVersion, x => x.GeographyVersion + 1), cancellationToken);

    /// <summary>Bumps the list's counter; call inside the import's or edit's transaction.</summary>
    public static Task BumpListAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        db.State.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.ListVersion, x => x.ListVersion + 1), cancellationToken);
}
