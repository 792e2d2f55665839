using System.CommandLine;
using Directory.Core.Storage;
using Directory.Import.Texts;

namespace Directory.Import;

/// <summary>The command line of <c>Directory.Import</c>: one subcommand per kind of data.</summary>
public static class ImportCommandLine
{
    /// <summary>Exit code when the input had problems and nothing was written.</summary>
    public const int ExitInvalidInput = 1;

    /// <summary>Exit code for usage errors: unknown options, a missing or unreadable file, no database.</summary>
    public const int ExitUsage = 2;

    /// <summary>Exit code when the database could not be opened or written.</summary>
    public const int ExitDatabaseError = 3;

    /// <summary>The <c>--db</c> option every subcommand shares.</summary>
    public static Option<string> DatabaseOption() => new("--db")
    {
        Description = CliTexts.DbOptionDescription,
        DefaultValueFactory = _ => DirectoryDatabase.DefaultPath,
        HelpName = "PATH",
    };

    /// <summary>
    /// Parses and runs <paramref name="args"/>. Parse errors (unknown option, missing argument) exit with
    /// <see cref="ExitUsage"/>, not System.CommandLine's default 1, which means "the data had problems" here.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null,
        CancellationToken cancellationToken = default)
    {
        var parseResult = Build().Parse(args);
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken);
        return parseResult.Errors.Count > 0 ? ExitUsage : exitCode;
    }

    /// <summary>Builds the root command with all subcommands.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand(CliTexts.RootDescription);
        root.Subcommands.Add(GeographyCommand.Create());
        root.Subcommands.Add(RoadsCommand.Create());
        root.Subcommands.Add(ListCommand.Create());
        root.Subcommands.Add(HistoryCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        return root;
    }
}
