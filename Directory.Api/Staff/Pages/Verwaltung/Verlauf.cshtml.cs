using Directory.Core.Managers;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Directory.Api.Staff.Pages.Verwaltung;

/// <summary>The whole change history.</summary>
public sealed class HistoryModel(DirectoryDbContext db) : PageModel
{
    public IReadOnlyList<ImportRecord> Records { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Records = await db.ImportHistory.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
}
