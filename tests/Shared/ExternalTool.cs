using System.Diagnostics;

namespace Directory.Testing;

/// <summary>
/// Runs command-line tools the tests use as real clients (GDAL's ogrinfo). .ci/run installs them; on a developer
/// machine without them the test is skipped with a note, but on CI (CI=true) a missing tool fails the test.
/// </summary>
internal static class ExternalTool
{
    /// <summary>The full path of <paramref name="name"/> on PATH; skips or fails the test when it is missing.</summary>
    public static string Require(string name, string debianPackage)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator)
            .Select(dir => System.IO.Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        var message = $"{name} is not installed (Debian package {debianPackage}; .ci/run installs it).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return "";
    }

    /// <summary>Runs a tool and returns its exit code, standard output and standard error.</summary>
    public static (int ExitCode, string Output, string Error) Run(string path, params string[] arguments)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{path} did not finish within two minutes.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
