using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using Directory.Core.Geography;
using Directory.Core.Geography.Import;
using Directory.Core.Storage;
using Directory.Import.Texts;
using Microsoft.EntityFrameworkCore;

namespace Directory.Import;

/// <summary><c>Directory.Import geography</c>: loads the NRW geography into the GeoPackage.</summary>
internal static class GeographyCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from")
        {
            Description = CliTexts.FromOptionDescription,
            DefaultValueFactory = _ => "data",
            HelpName = "DIR",
        };
        var db = ImportCommandLine.DatabaseOption();
        var municipalities = new Option<string?>("--gemeinden") { Description = CliTexts.MunicipalitiesOptionDescription, HelpName = "FILE" };
        var districts = new Option<string?>("--kreise") { Description = CliTexts.DistrictsOptionDescription, HelpName = "FILE" };
        var regions = new Option<string?>("--regierungsbezirke") { Description = CliTexts.RegionsOptionDescription, HelpName = "FILE" };
        var postcodes = new Option<string?>("--plz") { Description = CliTexts.PostcodesOptionDescription, HelpName = "FILE" };
        var grid = new Option<string?>("--bevoelkerung") { Description = CliTexts.GridOptionDescription, HelpName = "FILE" };

        var command = new Command("geography", CliTexts.GeographyDescription) { from, db, municipalities, districts, regions, postcodes, grid };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var defaults = GeographySources.InDirectory(parseResult.GetValue(from)!);
            var sources = new GeographySources(
                parseResult.GetValue(municipalities) ?? defaults.Municipalities,
                parseResult.GetValue(districts) ?? defaults.Districts,
                parseResult.GetValue(regions) ?? defaults.GovernmentRegions,
                parseResult.GetValue(postcodes) ?? defaults.Postcodes,
            parseResult.GetValue(grid) ?? defaults.PopulationGrid);
            return await RunAsync(sources, parseResult.GetValue(db)!, parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(GeographySources sources, string database, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        GeographyData data;
        try
        {
            // Everything is read and checked before the database is touched, so a bad file changes nothing.
            data = GeographyImporter.Load(sources);
        }
        catch (GeographyImportException ex)
        {
            foreach (var problem in ex.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            await error.WriteLineAsync(string.Format(CliTexts.ImportRejected, ex.Problems.Count, database));
            return ImportCommandLine.ExitInvalidInput;
        }

        try
        {
            await using var db = DirectoryDatabase.CreateContext(database);
            await DirectoryDatabase.MigrateAsync(db, cancellationToken);
            await GeographyImporter.WriteAsync(db, data, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
        {
            await error.WriteLineAsync(string.Format(CliTexts.DatabaseError, DirectoryDatabase.Describe(database), ex.GetBaseException().Message));
            return ImportCommandLine.ExitDatabaseError;
        }

        await output.WriteLineAsync(string.Format(CliTexts.GeographyImported, DirectoryDatabase.Describe(database), data.Municipalities.Count,
            data.MunicipalitySourceSrid, data.Districts.Count, data.GovernmentRegions.Count, data.Postcodes.Count,
            data.PopulationCells.Count, stopwatch.Elapsed.TotalSeconds));
        return 0;
    }
}
