using System.CommandLine;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Import.Texts;
using Microsoft.EntityFrameworkCore;

namespace Directory.Import;

/// <summary><c>Directory.Import export</c>: writes the directory in the import format (all entries).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var db = ImportCommandLine.DatabaseOption();
        var format = new Option<ListExportFormat>("--format") { Description = CliTexts.ExportFormatDescription, Required = true, HelpName = "csv|xlsx|geojson" };
        var output = new Option<string>("--out") { Description = CliTexts.ExportOutDescription, Required = true, HelpName = "FILE" };
        var command = new Command("export", CliTexts.ExportDescription) { format, output, db };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var database = parseResult.GetValue(db)!;
            if (!DirectoryDatabase.Exists(database))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(string.Format(CliTexts.DatabaseMissing, DirectoryDatabase.Describe(database)));
                return ImportCommandLine.ExitUsage;
            }

            await using var context = DirectoryDatabase.CreateContext(database);
            await DirectoryDatabase.MigrateAsync(context, cancellationToken);
            var geography = await GeographySnapshot.LoadAsync(context, cancellationToken);
            var managers = await context.FamilyManagers.AsNoTracking().ToListAsync(cancellationToken);
            var path = parseResult.GetValue(output)!;
            await using (var file = PrivateFile.Create(path))
            {
                await ListExport.WriteAsync(managers, geography, parseResult.GetValue(format), file, cancellationToken);
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync(string.Format(CliTexts.ExportWritten, managers.Count, path));
            return 0;
        });
        return command;
    }
}
