using System.CommandLine;

namespace Directory.Import.Tests;

/// <summary>Runs Directory.Import in-process, as a user would from the shell, and captures what it prints.</summary>
internal static class CommandLine
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await ImportCommandLine.RunAsync(args, new InvocationConfiguration { Output = output, Error = error },
            TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
