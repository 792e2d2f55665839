using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.AspNetCore.Hosting;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Directory.Api.Tests;

/// <summary>
/// The Api over a real database of its own (a GeoPackage file in a temporary folder, or in the PostGIS run a
/// PostgreSQL database): a copy of the imported NRW geography, or nothing yet when a test is about the first start.
/// </summary>
public sealed class DirectoryApiFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryDirectory folder = new();
    private readonly Dictionary<string, string?> settings = new();
    private readonly List<Action<IServiceCollection>> serviceChanges = [];

    public DirectoryApiFactory()
    {
        Database = folder.Database;
    }

    /// <summary>A service on <paramref name="database"/>, which the test owns: a second start of a service on the same data.</summary>
    public DirectoryApiFactory(string database)
    {
        Database = database;
    }

    /// <summary>The database as the CLI's --db takes it: a file path, or a PostgreSQL connection string.</summary>
    public string Database { get; }

    /// <summary>Every log message the service wrote at the levels appsettings.json configures, with exception texts.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>Starts on a copy of the imported geography (the common case).</summary>
    public static async Task<DirectoryApiFactory> WithGeographyAsync()
    {
        var factory = new DirectoryApiFactory();
        await ImportedGeography.CopyToAsync(factory.Database);
        return factory;
    }

    /// <summary>
    /// Starts the service (if it has not started), imports the demo list into its database and publishes it at once;
    /// returns the entries as stored, public and not.
    /// </summary>
    public async Task<List<Core.Managers.FamilyManager>> ImportDemoListAsync(CancellationToken cancellationToken)
    {
        CreateClient();
        await using var db = DirectoryDatabase.CreateContext(Database);
        var geography = await Core.Snapshot.GeographySnapshot.LoadAsync(db, cancellationToken);
        var demo = await Core.Managers.Lists.ListImporter.ImportAsync(db, geography, Path.Combine(RepositoryPaths.Root, "seeds", "familienmanager-demo.csv"),
            new Core.Managers.Lists.ListImportOptions(), cancellationToken);
        Assert.Equal(Core.Managers.Lists.ListImportResult.Applied, demo.Result);
        Services.GetRequiredService<Core.Snapshot.SnapshotProvider>().Publish(
            await Services.GetRequiredService<Core.Snapshot.SnapshotLoader>().LoadAsync(db, cancellationToken));
        return await db.FamilyManagers.AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Starts the service (if it has not started), stores <paramref name="network"/> as its road network, publishes a
    /// snapshot and waits until the network has loaded.
    /// </summary>
    public async Task ImportRoadsAsync(Core.Roads.RoadNetwork network, CancellationToken cancellationToken)
    {
        CreateClient();
        await using var db = DirectoryDatabase.CreateContext(Database);
        await Core.Storage.RoadNetworkStore.ReplaceAsync(db, network, "test.osm.pbf", cancellationToken);
        var snapshots = Services.GetRequiredService<Core.Snapshot.SnapshotProvider>();
        snapshots.Publish(await Services.GetRequiredService<Core.Snapshot.SnapshotLoader>().LoadAsync(db, cancellationToken));
        Assert.NotNull(await snapshots.Current.Served.Roads);
    }

    /// <summary>Adds a configuration value, before the first request starts the app.</summary>
    public DirectoryApiFactory With(string key, string value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>Changes the service's registrations (after its own), before the first request starts the app.</summary>
    public DirectoryApiFactory WithServices(Action<IServiceCollection> change)
    {
        serviceChanges.Add(change);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var change in serviceChanges)
        {
            builder.ConfigureTestServices(change);
        }

        builder.UseSetting("ConnectionStrings:Directory", DirectoryDatabase.ToConnectionString(Database));
        builder.UseSetting("Directory:GeographySource", RepositoryPaths.Data);
        // Suites run side by side on two cores: a computation may take many times its usual time, and the budget's
        // 503 (tested on a host of its own, ExpensiveComputationsTests) is not what these tests are about.
        builder.UseSetting("Limits:Computations:WorkSeconds", "600");
        builder.UseSetting("Limits:Computations:QueueSeconds", "600");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddLogging(logging =>
        {
            logging.AddProvider(new CapturingLoggerProvider(Logs));
        }));
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, logs);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }

    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        // The service prepares its database beside its start, and requests wait for it; tests also look at the
        // database directly, so they wait too (a start that fails throws here, with its reason).
        host.Services.GetRequiredService<Directory.Api.Startup.DirectoryInitializer>().Ready.GetAwaiter().GetResult();
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            folder.Dispose();
        }
    }
}

/// <summary>One started Api over the imported geography, for test classes that only read.</summary>
public sealed class ReadOnlyApiFixture : IAsyncLifetime
{
    private DirectoryApiFactory? factory;
    private HttpClient? client;

    public DirectoryApiFactory Factory => factory ?? TestStore.SkipUnavailable<DirectoryApiFactory>();

    public HttpClient Client => client ?? TestStore.SkipUnavailable<HttpClient>();

    public async ValueTask InitializeAsync()
    {
        if (TestStore.Unavailable is not null)
        {
            return;
        }

        factory = await DirectoryApiFactory.WithGeographyAsync();
        client = factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}
