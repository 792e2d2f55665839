using Directory.Core.Managers;
using Directory.Core.Reports;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Directory.Api.Staff.Pages.Verwaltung;

/// <summary>Citizens' open reports of wrong entries, per entry, newest first; each marked done here ("erledigt").</summary>
public sealed class ReportsModel(DirectoryDbContext db) : PageModel
{
    /// <summary>Reports per page: however many arrive, the page stays readable and its query small.</summary>
    public const int PageSize = 50;

    /// <summary>The page shown (1-based, <c>?seite=</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "seite")]
    public int PageNumber { get; set; } = 1;

    /// <summary>How many reports are open in all.</summary>
    public int Total { get; private set; }

    /// <summary>How many pages the open reports fill (at least 1).</summary>
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The open reports grouped by entry, the entry with the newest report first.</summary>
    public IReadOnlyList<IGrouping<int, ManagerReport>> Open { get; private set; } = [];

    /// <summary>The ids of the entries that still exist (a later import may have removed one).</summary>
    public IReadOnlySet<int> Existing { get; private set; } = new HashSet<int>();

    /// <summary>True after a report was marked done (the redirect says so).</summary>
    [BindProperty(SupportsGet = true, Name = "erledigt")]
    public bool Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var (open, total) = await ManagerReports.OpenAsync(db, PageNumber, PageSize, cancellationToken);
        Total = total;
        PageNumber = Math.Min(PageNumber, Pages);
        Open = open.GroupBy(r => r.ManagerId).ToList();
        var ids = Open.Select(g => g.Key).ToList();
        Existing = (await db.FamilyManagers.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task<IActionResult> OnPostDoneAsync(int report, CancellationToken cancellationToken)
    {
        var done = await ManagerReports.MarkDoneAsync(db, report, User.Identity!.Name!, DateTime.UtcNow, cancellationToken);

        // Post/redirect/get: a reload does not send the form again.
        return RedirectToPage(new { erledigt = done });
    }
}
