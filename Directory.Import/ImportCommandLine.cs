using System.CommandLine;
using Directory.Core.Storage;
using Directory.Import.Texts;

namespace Directory.Import;

/// <summary>The command line of <c>Directory.Import</c>: one subcommand per kind of data.</summary>
public static class ImportCommandLine
{
    /// <summary>Exit code when the input had problems and nothing was written.</summary>
    public const int ExitInvalidInput = 1;

    /// <summary>Exit code when the database could not be opened or written.</summary>
    public const int ExitDatabaseError = 3;

    /// <summary>The <c>--db</c> option every subcommand shares.</summary>
    public static Option<string> DatabaseOption() => new("--db")
    {
        Description = CliTexts.DbOptionDescription,
        DefaultValueFactory = _ => DirectoryDatabase.DefaultPath,
        HelpName = "PATH",
    };

    /// <summary>Builds the root command with all subcommands.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand(CliTexts.RootDescription);
        root.Subcommands.Add(GeographyCommand.Create());
        return root;
    }
}
