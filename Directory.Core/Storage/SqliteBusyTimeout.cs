using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Directory.Core.Storage;

/// <summary>
/// Lets SQLite wait up to <see cref="Milliseconds"/> for another connection's write lock instead of failing at once
/// with "database is locked". Microsoft.Data.Sqlite leaves SQLite's busy timeout at 0 and retries only some steps
/// itself; a staff edit that met the service's own short writes (a new sign-in key) failed
/// with a 500. A write that holds the file longer (a CLI import of a large list) is still reported as locked.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>How long a statement waits for a lock.</summary>
    public const int Milliseconds = 1000;

    /// <summary>The one instance (it has no state).</summary>
    public static readonly SqliteBusyTimeout Instance = new();

    private static readonly string Pragma = $"PRAGMA busy_timeout = {Milliseconds}";

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
