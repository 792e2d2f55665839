using Directory.Core.Managers;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Directory.Api.Staff.Pages.Verwaltung;

/// <summary>All entries, public or not, with a search, each linking to its edit form.</summary>
public sealed class EntriesModel(DirectoryDbContext db, SnapshotProvider snapshots) : PageModel
{
    private const int PageSize = 200;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public int Count { get; private set; }

    public IReadOnlyList<FamilyManager> Entries { get; private set; } = [];

    public string AreaName(string key) =>
        snapshots.Current.Geography.Find(key)?.Name ?? key;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IQueryable<FamilyManager> entries = db.FamilyManagers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim();
            // SQLite's LIKE is case-insensitive for ASCII; the pattern's wildcards in the text are escaped.
            var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            var geography = snapshots.Current.Geography;
            var keys = geography.Municipalities.Concat(geography.Districts)
                .Where(r => r.Name.Contains(text, StringComparison.CurrentCultureIgnoreCase)).Select(r => r.Key).ToList();
            entries = entries.Where(m => EF.Functions.Like(m.Surname, pattern, "\\") || EF.Functions.Like(m.FirstName, pattern, "\\")
                || EF.Functions.Like(m.CertificateNumber!, pattern, "\\") || EF.Functions.Like(m.Email!, pattern, "\\")
                || m.AreaKey == text || keys.Contains(m.AreaKey));
        }

        Count = await entries.CountAsync(cancellationToken);
        Entries = await entries.OrderBy(m => m.Surname).ThenBy(m => m.FirstName).Take(PageSize).ToListAsync(cancellationToken);
    }
}
