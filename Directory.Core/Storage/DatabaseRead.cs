using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Directory.Core.Storage;

/// <summary>
/// An open connection, the transaction its queries run in (if any) and the EF Core model that names the tables and
/// columns: what the plain-SQL readers of the start-up path (<see cref="PlainQuery"/>, the counters, the stored list
/// copy) need. A context gives one (<see cref="Of"/>); so does a plain SQLite connection with the compiled model, for
/// the start that reads a current GeoPackage before EF Core's services are built (docs/performance.md).
/// </summary>
public sealed record DatabaseRead(DbConnection Connection, DbTransaction? Transaction, IModel Model)
{
    /// <summary>The context's connection and current transaction; the caller keeps the connection open while it reads.</summary>
    public static DatabaseRead Of(DirectoryDbContext db) =>
        new(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), db.Model);

    /// <summary>Runs <paramref name="sql"/> in the transaction and reads the result with <paramref name="read"/>.</summary>
    public async Task<T> QueryAsync<T>(string sql, Func<DbDataReader, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await read(reader);
    }
}
