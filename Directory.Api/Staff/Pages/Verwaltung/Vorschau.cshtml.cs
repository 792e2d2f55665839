using Directory.Api.Texts;
using Directory.Core.Managers.Lists;
using Directory.Core.Staff;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Directory.Api.Staff.Pages.Verwaltung;

/// <summary>
/// The preview of an uploaded list: the importer's German report (problems per row, new, changed, removed), then
/// "Übernehmen" or "Verwerfen". The report's HTML comes from Core's <see cref="ListReportHtml"/>, which encodes
/// every value taken from the list.
/// </summary>
public sealed class PreviewModel(DirectoryDbContext db, ListUploads uploads) : PageModel
{
    public StagedList? Staged { get; private set; }

    public ListImportReport? Report { get; private set; }

    public string? Error { get; private set; }

    public bool CanApply => Error is null && Report is { Result: ListImportResult.DryRun } && (Report.ErrorCount == 0 || Staged!.SkipInvalid);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : Gone();

    public async Task<IActionResult> OnPostApplyAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return Gone();
        }

        var outcome = await uploads.ApplyAsync(id, User.Identity!.Name!, cancellationToken);
        if (outcome.HistoryId is { } historyId)
        {
            return Redirect($"/verwaltung/verlauf#eintrag-{historyId}");
        }

        Error = outcome.Error;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    public async Task<IActionResult> OnPostDiscardAsync(string id, CancellationToken cancellationToken)
    {
        await uploads.DiscardAsync(id, cancellationToken);
        return Redirect("/verwaltung/hochladen");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Staged = await db.StagedLists.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        Report = Staged is null ? null : ListReportJson.Deserialize(Staged.Report);
        return Staged is not null;
    }

    private ContentResult Gone() => new()
    {
        StatusCode = StatusCodes.Status404NotFound,
        ContentType = "text/plain; charset=utf-8",
        Content = StaffPageTexts.PreviewGone,
    };
}
