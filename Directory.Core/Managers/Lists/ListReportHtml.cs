using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Directory.Core.Texts;

namespace Directory.Core.Managers.Lists;

/// <summary>
/// The German report of a list import as a self-contained HTML page (--report FILE.html). Every value from the
/// list is HTML-encoded: a list may contain markup or script, and the report must show it as text.
/// </summary>
public static class ListReportHtml
{
    // Escapes markup but leaves German letters readable (WebUtility.HtmlEncode writes "ü" as "&#252;").
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Renders <paramref name="report"/> as a page of its own (the CLI's --report FILE.html, downloads).</summary>
    public static string Render(ListImportReport report)
    {
        var title = Encoder.Encode(string.Format(ListTexts.ReportTitle, report.FileName));
        return "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>" + title
            + "</title><style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}.error{color:#9b1c1c}.warning{color:#8a5a00}</style></head><body>"
            + "<h1>" + title + "</h1>" + RenderBody(report) + "</body></html>";
    }

    /// <summary>
    /// The report without page or title, for the staff area's preview, which has its own layout. Headings start at
    /// h2; the table has the classes <c>report-problems</c>, <c>error</c> and <c>warning</c>.
    /// </summary>
    public static string RenderBody(ListImportReport report)
    {
        static string E(string? s) => Encoder.Encode(s ?? "");
        var html = new StringBuilder();
        html.Append("<p class=\"report-result\">").Append(E(ListReportText.ResultLine(report))).Append("</p>")
            .Append("<p>").Append(E(string.Format(ListTexts.ReportRows, report.RowsRead, report.RowsAccepted, report.RowsRejected))).Append("</p>");
        foreach (var note in report.Notes)
        {
            html.Append("<p>").Append(E(ListTexts.ReportNotePrefix + note)).Append("</p>");
        }

        if (report.Problems.Count > 0)
        {
            html.Append("<table class=\"report-problems\"><caption>").Append(E(ListTexts.ReportProblemsCaption))
                .Append("</caption><thead><tr>");
            foreach (var column in (string[])[ListTexts.ReportColumnKind, ListTexts.ReportColumnRow, ListTexts.ReportColumnColumn, ListTexts.ReportColumnProblem])
            {
                html.Append("<th scope=\"col\">").Append(E(column)).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var problem in report.Problems)
            {
                var kind = problem.Severity == ProblemSeverity.Error ? "error" : "warning";
                html.Append($"<tr class=\"{kind}\"><td>").Append(E(kind == "error" ? ListTexts.ReportKindError : ListTexts.ReportKindWarning)).Append("</td><td>")
                    .Append(problem.Row?.ToString() ?? "").Append("</td><td>").Append(E(problem.Column)).Append("</td><td>")
                    .Append(E(problem.Message)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<h2>").Append(E(string.Format(ListTexts.ReportChange, report.AddedCount, report.ChangedCount, report.RemovedCount, report.UnchangedCount))).Append("</h2>");
        AppendList(html, ListTexts.ReportAdded, report.Added, report.AddedCount);
        AppendList(html, ListTexts.ReportChanged, report.Changed.Select(c => $"{c.Entry}: {string.Join(", ", c.Fields)}").ToList(), report.ChangedCount);
        AppendList(html, ListTexts.ReportRemoved, report.Removed, report.RemovedCount);
        if (report.Sha256.Length > 0)
        {
            html.Append("<p><small>SHA-256: ").Append(E(report.Sha256)).Append("</small></p>");
        }

        return html.ToString();
    }

    private static void AppendList(StringBuilder html, string title, IReadOnlyList<string> entries, int count)
    {
        if (count == 0)
        {
            return;
        }

        html.Append("<h3>").Append(Encoder.Encode(string.Format(title, count))).Append("</h3><ul>");
        foreach (var entry in entries)
        {
            html.Append("<li>").Append(Encoder.Encode(entry)).Append("</li>");
        }

        html.Append("</ul>");
    }
}
