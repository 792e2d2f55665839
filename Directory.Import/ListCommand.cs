using System.CommandLine;
using System.Data.Common;
using Directory.Core.Geo;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Import.Texts;
using Microsoft.EntityFrameworkCore;

namespace Directory.Import;

/// <summary><c>Directory.Import list FILE</c>: imports a certification list.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = CliTexts.ListFileDescription };
        var db = ImportCommandLine.DatabaseOption();
        var dryRun = new Option<bool>("--dry-run") { Description = CliTexts.DryRunDescription };
        var merge = new Option<bool>("--merge") { Description = CliTexts.MergeDescription };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = CliTexts.SkipInvalidDescription };
        var report = new Option<string?>("--report") { Description = CliTexts.ReportDescription, HelpName = "FILE.json|FILE.html" };
        var sheet = new Option<string?>("--sheet") { Description = CliTexts.SheetDescription, HelpName = "NAME" };
        var crs = new Option<int?>("--crs") { Description = CliTexts.CrsDescription, HelpName = "EPSG" };
        crs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } code && !Reprojector.IsSupported(code))
            {
                result.AddError(string.Format(CliTexts.CrsUnsupported, code));
            }
        });
        report.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string?>();
            if (path is not null && Path.GetExtension(path).ToLowerInvariant() is not (".json" or ".html" or ".htm"))
            {
                result.AddError(string.Format(CliTexts.ReportExtension, path));
            }
        });

        var command = new Command("list", CliTexts.ListDescription) { file, db, dryRun, merge, skipInvalid, report, sheet, crs };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new ListImportOptions(
                parseResult.GetValue(merge) ? ListImportMode.Merge : ListImportMode.Replace,
                parseResult.GetValue(skipInvalid),
                parseResult.GetValue(dryRun),
                new ListReadOptions(parseResult.GetValue(sheet), parseResult.GetValue(crs)),
                ImportedBy: "cli:" + Environment.UserName);
            return await RunAsync(parseResult.GetValue(file)!, parseResult.GetValue(db)!, options, parseResult.GetValue(report),
                parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string file, string database, ListImportOptions options, string? reportPath,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!DirectoryDatabase.Exists(database))
        {
            await error.WriteLineAsync(string.Format(CliTexts.DatabaseMissing, DirectoryDatabase.Describe(database)));
            return ImportCommandLine.ExitUsage;
        }

        ListImportReport report;
        try
        {
            await using var db = DirectoryDatabase.CreateContext(database);
            await DirectoryDatabase.MigrateAsync(db, cancellationToken);
            var geography = await GeographySnapshot.LoadAsync(db, cancellationToken);
            if (geography.Municipalities.Count == 0)
            {
                await error.WriteLineAsync(string.Format(CliTexts.DatabaseMissing, DirectoryDatabase.Describe(database)));
                return ImportCommandLine.ExitUsage;
            }

            report = await ListImporter.ImportAsync(db, geography, file, options, cancellationToken);
        }
        catch (ListFileException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ImportCommandLine.ExitUsage;
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            await error.WriteLineAsync(string.Format(CliTexts.DatabaseError, DirectoryDatabase.Describe(database), ex.GetBaseException().Message));
            return ImportCommandLine.ExitDatabaseError;
        }

        await output.WriteAsync(ListReportText.Render(report));
        if (reportPath is not null)
        {
            var content = Path.GetExtension(reportPath).ToLowerInvariant() == ".json"
                ? ListReportJson.Serialize(report)
                : ListReportHtml.Render(report);
            // The report quotes the list's rows (names, contacts of non-public entries): owner-readable only.
            await using (var reportFile = PrivateFile.Create(reportPath))
            await using (var writer = new StreamWriter(reportFile, new System.Text.UTF8Encoding(false)))
            {
                await writer.WriteAsync(content.AsMemory(), cancellationToken);
            }

            await output.WriteLineAsync(string.Format(CliTexts.ReportWritten, reportPath));
        }

        return report.Result is ListImportResult.Rejected || (report.Result == ListImportResult.DryRun && report.ErrorCount > 0)
            ? ImportCommandLine.ExitInvalidInput
            : 0;
    }
}
