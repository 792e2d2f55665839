using Directory.Core.Managers;
using Directory.Core.Reports;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Directory.Api.Staff.Pages.Verwaltung;

/// <summary>The staff area's start: figures, what needs attention (open reports, entries due for a check), tasks, exports, the latest changes.</summary>
public sealed class OverviewModel(DirectoryDbContext db, SnapshotProvider snapshots, IOptions<StaffOptions> options) : PageModel
{
    private const int Listed = 50;

    public int OpenReports { get; private set; }

    /// <summary>Entries with open reports: (entry, how many), most reports first.</summary>
    public IReadOnlyList<(FamilyManager Entry, int Reports)> Reported { get; private set; } = [];

    /// <summary>How many entries were not checked within <see cref="StaffOptions.StaleAfterMonths"/>.</summary>
    public int StaleCount { get; private set; }

    /// <summary>The first of them, least recently checked (never checked) first.</summary>
    public IReadOnlyList<FamilyManager> Stale { get; private set; } = [];

    public int StaleAfterMonths => options.Value.StaleAfterMonths;

    public int Total { get; private set; }

    public int Public { get; private set; }

    public IReadOnlyList<ImportRecord> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Total = await db.FamilyManagers.CountAsync(cancellationToken);
        Public = snapshots.Current.PublicManagers.Count;
        Recent = await db.ImportHistory.AsNoTracking().OrderByDescending(r => r.Id).Take(5).ToListAsync(cancellationToken);

        var openCounts = await ManagerReports.OpenCountsAsync(db, cancellationToken);
        OpenReports = openCounts.Values.Sum();
        var reportedIds = openCounts.Keys.ToList();
        Reported = (await db.FamilyManagers.AsNoTracking().Where(m => reportedIds.Contains(m.Id)).ToListAsync(cancellationToken))
            .Select(m => (m, openCounts[m.Id])).OrderByDescending(p => p.Item2).ThenBy(p => p.m.Surname, StringComparer.CurrentCulture).ToList();

        var due = DateOnly.FromDateTime(DateTime.Now).AddMonths(-options.Value.StaleAfterMonths);
        var stale = db.FamilyManagers.AsNoTracking().Where(m => m.LastCheckedOn == null || m.LastCheckedOn < due);
        StaleCount = await stale.CountAsync(cancellationToken);
        Stale = await stale.OrderBy(m => m.LastCheckedOn).ThenBy(m => m.Surname).Take(Listed).ToListAsync(cancellationToken);
    }
}
