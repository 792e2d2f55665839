using Directory.Core.Managers;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Directory.Api.Staff.Pages.Verwaltung;

/// <summary>The staff area's start: figures, tasks, exports, the latest changes.</summary>
public sealed class OverviewModel(DirectoryDbContext db, SnapshotProvider snapshots) : PageModel
{
    public int Total { get; private set; }

    public int Public { get; private set; }

    public IReadOnlyList<ImportRecord> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Total = await db.FamilyManagers.CountAsync(cancellationToken);
        Public = snapshots.Current.PublicManagers.Count;
        Recent = await db.ImportHistory.AsNoTracking().OrderByDescending(r => r.Id).Take(5).ToListAsync(cancellationToken);
    }
}
