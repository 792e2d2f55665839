using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.EntityFrameworkCore;

namespace Directory.Api.Tests.Startup;

/// <summary>What the CLI does to a service's database from outside the service: the same importer, its own context.</summary>
internal static class OutsideWriter
{
    /// <summary>The project's fictional demo list.</summary>
    public static string DemoList => Path.Combine(RepositoryPaths.Root, "seeds", "familienmanager-demo.csv");

    /// <summary>Imports <paramref name="list"/> (replace mode) into <paramref name="database"/>.</summary>
    public static async Task<ListImportReport> ImportAsync(string database, string list, CancellationToken cancel)
    {
        await using var db = DirectoryDatabase.CreateContext(database);
        var geography = await GeographySnapshot.LoadAsync(db, cancel);
        return await ListImporter.ImportAsync(db, geography, list, new ListImportOptions(), cancel);
    }

    /// <summary>How many entries the public may see, counted in the database itself.</summary>
    public static async Task<int> PublicCountAsync(string database, CancellationToken cancel)
    {
        await using var db = DirectoryDatabase.CreateContext(database);
        return await db.FamilyManagers.CountAsync(m => m.PublicationConsent && m.Status == ManagerStatus.Active, cancel);
    }
}
