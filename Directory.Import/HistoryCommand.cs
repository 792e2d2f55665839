using System.CommandLine;
using System.Globalization;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Storage;
using Directory.Import.Texts;
using Microsoft.EntityFrameworkCore;

namespace Directory.Import;

/// <summary><c>Directory.Import history</c>: lists the list imports recorded in the database.</summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var db = ImportCommandLine.DatabaseOption();
        var command = new Command("history", CliTexts.HistoryDescription) { db };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var database = parseResult.GetValue(db)!;
            var output = parseResult.InvocationConfiguration.Output;
            if (!DirectoryDatabase.Exists(database))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(string.Format(CliTexts.DatabaseMissing, DirectoryDatabase.Describe(database)));
                return ImportCommandLine.ExitUsage;
            }

            await using var context = DirectoryDatabase.CreateContext(database);
            await DirectoryDatabase.MigrateAsync(context, cancellationToken);
            var records = await context.ImportHistory.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
            if (records.Count == 0)
            {
                await output.WriteLineAsync(CliTexts.HistoryEmpty);
                return 0;
            }

            var german = CultureInfo.GetCultureInfo("de-DE");
            foreach (var r in records)
            {
                await output.WriteLineAsync(string.Format(german, CliTexts.HistoryLine, r.ImportedAtUtc.ToLocalTime(), ImportHistory.Subject(r),
                    ImportHistory.ModeText(r.Mode), ImportHistory.ResultText(r.Result), r.RowsRead, r.RowsAccepted, r.RowsRejected, r.Added, r.Changed, r.Removed, r.Unchanged, r.Sha256, r.ImportedBy ?? "–"));
            }

            return 0;
        });
        return command;
    }
}
