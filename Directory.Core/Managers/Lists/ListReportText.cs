using System.Globalization;
using System.Text;
using Directory.Core.Texts;

namespace Directory.Core.Managers.Lists;

/// <summary>The German report of a list import, as plain text (console, CLI).</summary>
public static class ListReportText
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Renders <paramref name="report"/>.</summary>
    public static string Render(ListImportReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Format(ListTexts.ReportTitle, report.FileName));
        if (report.Format is not null)
        {
            text.AppendLine(string.Format(ListTexts.ReportFormat, report.Format, report.HeaderRow?.ToString(German) ?? "–"));
        }

        text.AppendLine(string.Format(German, ListTexts.ReportRows, report.RowsRead, report.RowsAccepted, report.RowsRejected));
        foreach (var note in report.Notes)
        {
            text.AppendLine(ListTexts.ReportNotePrefix + note);
        }

        AppendProblems(text, report, ProblemSeverity.Error, ListTexts.ReportErrors);
        AppendProblems(text, report, ProblemSeverity.Warning, ListTexts.ReportWarnings);
        if (report.ProblemsNotListed > 0)
        {
            text.AppendLine(string.Format(German, ListTexts.ReportProblemsNotListed, report.ProblemsNotListed));
        }

        text.AppendLine();
        text.AppendLine(string.Format(German, ListTexts.ReportChange, report.AddedCount, report.ChangedCount, report.RemovedCount, report.UnchangedCount));
        AppendEntries(text, ListTexts.ReportAdded, report.Added, report.AddedCount);
        AppendEntries(text, ListTexts.ReportChanged, report.Changed.Select(c => $"{c.Entry}: {string.Join(", ", c.Fields)}").ToList(), report.ChangedCount);
        AppendEntries(text, ListTexts.ReportRemoved, report.Removed, report.RemovedCount);
        text.AppendLine();
        text.AppendLine(ResultLine(report));
        return text.ToString();
    }

    /// <summary>The closing line: what happened to the directory.</summary>
    public static string ResultLine(ListImportReport report) => report.Result switch
    {
        ListImportResult.Applied => ListTexts.ResultApplied,
        ListImportResult.AppliedWithRejectedRows => string.Format(German, ListTexts.ResultAppliedWithRejected, report.RowsRejected),
        ListImportResult.DryRun => ListTexts.ResultDryRun,
        _ => string.Format(German, ListTexts.ResultRejected, report.ErrorCount),
    };

    private static void AppendProblems(StringBuilder text, ListImportReport report, ProblemSeverity severity, string title)
    {
        var problems = report.Problems.Where(p => p.Severity == severity).ToList();
        if (problems.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine(string.Format(German, title, severity == ProblemSeverity.Error ? report.ErrorCount : report.WarningCount));
        foreach (var problem in problems)
        {
            text.AppendLine("  " + problem);
        }
    }

    private static void AppendEntries(StringBuilder text, string title, IReadOnlyList<string> entries, int count)
    {
        if (count == 0)
        {
            return;
        }

        text.AppendLine(string.Format(German, title, count));
        foreach (var entry in entries)
        {
            text.AppendLine("  " + entry);
        }

        if (count > entries.Count)
        {
            text.AppendLine(string.Format(German, ListTexts.ReportMoreEntries, count - entries.Count));
        }
    }
}
