using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Directory.Core.Roads;
using Directory.Core.Roads.Import;
using Directory.Core.Storage;
using Directory.Import.Texts;
using Microsoft.EntityFrameworkCore;

namespace Directory.Import;

/// <summary>
/// <c>Directory.Import roads FILE.osm.pbf</c>: reads the road network of an OpenStreetMap extract and stores it,
/// replacing the one before; nothing is written when the file has a problem.
/// </summary>
internal static class RoadsCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = CliTexts.RoadsFileDescription };
        var db = ImportCommandLine.DatabaseOption();
        var command = new Command("roads", CliTexts.RoadsDescription) { file, db };
        command.SetAction(async (parseResult, cancellationToken) =>
            await RunAsync(parseResult.GetValue(file)!, parseResult.GetValue(db)!, parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, string database, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var german = CultureInfo.GetCultureInfo("de-DE");
        if (!File.Exists(path))
        {
            await error.WriteLineAsync(string.Format(CliTexts.FileMissing, path));
            return ImportCommandLine.ExitUsage;
        }

        var stopwatch = Stopwatch.StartNew();
        RoadNetwork network;
        try
        {
            // Progress on the error stream, so that the report on standard output stays one line a script can read.
            var progress = new ReportAtOnce<RoadImportProgress>(p => error.WriteLine(string.Format(german, CliTexts.RoadsProgress,
                p.Phase switch { "ways" => CliTexts.RoadsPhaseWays, "nodes" => CliTexts.RoadsPhaseNodes, _ => CliTexts.RoadsPhaseGraph },
                p.Done, stopwatch.Elapsed.TotalSeconds)));
            var graph = OsmRoadReader.Read(path, progress, cancellationToken);
            // Travel times are searches of contraction hierarchies, prepared here once rather than at every start.
            var percent = -1;
            network = RoadNetwork.Prepare(graph, new ReportAtOnce<double>(share =>
            {
                if ((int)(share * 10) * 10 is var step && step > percent)
                {
                    percent = step;
                    error.WriteLine(string.Format(german, CliTexts.RoadsPreparing, step, stopwatch.Elapsed.TotalSeconds));
                }
            }), cancellationToken);
        }
        catch (RoadImportException ex)
        {
            await error.WriteLineAsync(ex.Message);
            await error.WriteLineAsync(string.Format(CliTexts.RoadsRejected, DirectoryDatabase.Describe(database)));
            return ImportCommandLine.ExitInvalidInput;
        }

        try
        {
            await using var db = DirectoryDatabase.CreateContext(database);
            await DirectoryDatabase.MigrateAsync(db, cancellationToken);
            await RoadNetworkStore.ReplaceAsync(db, network, path, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
        {
            await error.WriteLineAsync(string.Format(CliTexts.DatabaseError, DirectoryDatabase.Describe(database), ex.GetBaseException().Message));
            return ImportCommandLine.ExitDatabaseError;
        }

        var e = network.Extent;
        await output.WriteLineAsync(string.Format(german, CliTexts.RoadsImported, DirectoryDatabase.Describe(database), network.NodeCount,
            network.EdgeCount, e.MinX, e.MinY, e.MaxX, e.MaxY, stopwatch.Elapsed.TotalSeconds));
        return 0;
    }

    // Progress<T> would post to the thread pool, and lines could arrive after the report.
    private sealed class ReportAtOnce<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
