using Directory.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Directory.Api.Startup;

/// <summary>
/// Builds EF Core's internal services for the configured store on the second core while the host is still being
/// built, instead of in the first context the background start makes: they are built once per process and shared
/// by every later context, and building them took a third of a second of the start on a 2-core machine
/// (docs/performance.md). The start waits for it (<see cref="Completed"/>) rather than building them a second time
/// beside it.
/// </summary>
public sealed class DatabaseWarmUp
{
    private DatabaseWarmUp(Task completed) => Completed = completed;

    /// <summary>None: the services are built by the first context (hosts that do not start one early).</summary>
    public static DatabaseWarmUp None { get; } = new(Task.CompletedTask);

    /// <summary>Completes when the warm-up is done; it never faults.</summary>
    public Task Completed { get; }

    /// <summary>Starts the warm-up in the background; it opens nothing and reports nothing.</summary>
    public static DatabaseWarmUp Start(IConfiguration configuration) => new(Task.Run(() =>
    {
        try
        {
            var connectionString = configuration.GetConnectionString(DirectoryServices.ConnectionStringName) ?? DirectoryDatabase.DefaultPath;
            using var db = DirectoryDatabase.CreateContext(connectionString);
            _ = db.Database.GetConnectionString();
        }
        catch (Exception)
        {
            // Only a warm-up: a connection string that is no good is reported by the start itself, with its reason.
        }
    }));
}
