using System.Text;
using Directory.Api.Problems;
using Directory.Api.Security;
using Directory.Api.Texts;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Directory.Api.Staff;

/// <summary>One entry of the change history, as <c>/api/admin/history</c> lists it.</summary>
/// <param name="FileName">The list's file name, or for an edit the entry (who, certificate, area).</param>
/// <param name="Subject">What the entry is about, in words.</param>
/// <param name="Mode">A code: <c>replace</c>, <c>merge</c> or <c>edit</c> (<see cref="ImportHistory.Modes"/>).</param>
/// <param name="ModeText">The mode in words.</param>
/// <param name="Result">A code: <c>applied</c> or <c>applied-without-rejected-rows</c>.</param>
/// <param name="ResultText">The result in words.</param>
public sealed record HistoryEntry(int Id, DateTime ImportedAtUtc, string? ImportedBy, string FileName, string Subject, string Mode,
    string ModeText, string Result, string ResultText, int RowsRead, int RowsAccepted, int RowsRejected, int Warnings, int Added,
    int Changed, int Removed, int Unchanged, bool HasReport)
{
    /// <summary>The entry of <paramref name="r"/>.</summary>
    public static HistoryEntry Of(ImportRecord r) => new(r.Id, r.ImportedAtUtc, r.ImportedBy, r.FileName, ImportHistory.Subject(r), r.Mode,
        ImportHistory.ModeText(r.Mode), r.Result, ImportHistory.ResultText(r.Result), r.RowsRead, r.RowsAccepted, r.RowsRejected,
        r.Warnings, r.Added, r.Changed, r.Removed, r.Unchanged, r.Report != null);
}

/// <summary>
/// The staff area's downloads, under <c>/api/admin</c>: the history, each entry's report, and the export of the whole
/// directory including non-public entries. Every endpoint requires a staff session (policy <see cref="StaffServices.StaffPolicy"/>)
/// and is left out of the public OpenAPI document.
/// </summary>
public static class AdminEndpoints
{
    /// <summary>Maps <c>/api/admin</c>.</summary>
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(StaffPaths.Api).RequireAuthorization(StaffServices.StaffPolicy).ExcludeFromDescription();
        group.MapGet("/history", History);
        group.MapGet("/history/{id:int}/report", Report);
        group.MapGet("/export", Export);
        return app;
    }

    private static async Task<Ok<List<HistoryEntry>>> History(DirectoryDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.ImportHistory.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(cancellationToken))
            .Select(HistoryEntry.Of).ToList());

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> Report(int id, string? format,
        DirectoryDbContext db, CancellationToken cancellationToken)
    {
        format = (format ?? "html").ToLowerInvariant();
        if (format is not ("html" or "json"))
        {
            return ApiProblems.InvalidParameters(new Dictionary<string, string[]> { ["format"] = [ApiTexts.ReportFormatInvalid] });
        }

        var record = await db.ImportHistory.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record?.Report is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.ReportNotFound,
                title: ApiTexts.ReportNotFoundTitle, detail: string.Format(ApiTexts.ReportNotFoundDetail, id));
        }

        var name = $"bericht-{id}";
        return format == "json"
            ? TypedResults.File(Encoding.UTF8.GetBytes(record.Report), "application/json", name + ".json")
            : TypedResults.File(Encoding.UTF8.GetBytes(ListReportHtml.Render(ListReportJson.Deserialize(record.Report))), "text/html", name + ".html");
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> Export(string? format, DirectoryDbContext db,
        SnapshotProvider snapshots, HttpContext context, CancellationToken cancellationToken)
    {
        ListExportFormat? parsed = (format ?? "csv").ToLowerInvariant() switch
        {
            "csv" => ListExportFormat.Csv,
            "xlsx" => ListExportFormat.Xlsx,
            "geojson" => ListExportFormat.GeoJson,
            _ => null,
        };
        if (parsed is not { } exportFormat)
        {
            return ApiProblems.InvalidParameters(new Dictionary<string, string[]> { ["format"] = [ApiTexts.ExportFormatInvalid] });
        }

        var managers = await db.FamilyManagers.AsNoTracking().ToListAsync(cancellationToken);
        var (extension, contentType) = exportFormat switch
        {
            ListExportFormat.Csv => (".csv", "text/csv; charset=utf-8"),
            ListExportFormat.Xlsx => (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            _ => (".geojson", "application/geo+json"),
        };

        // Written straight to the response: the export holds non-public entries and never goes into a file.
        var geography = snapshots.Current.Geography;
        return TypedResults.Stream(body => ListExport.WriteAsync(managers, geography, exportFormat, body, cancellationToken),
            contentType, $"familienmanager-{DateTime.Now:yyyy-MM-dd}{extension}");
    }
}
