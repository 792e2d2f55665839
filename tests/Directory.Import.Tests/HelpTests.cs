namespace Directory.Import.Tests;

public sealed class HelpTests
{
    [Fact]
    public async Task TheRootHelpListsEveryCommand()
    {
        var (exitCode, output, _) = await CommandLine.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("geography", output);
    }

    [Fact]
    public async Task TheGeographyHelpDescribesEveryOptionInGerman()
    {
        var (exitCode, output, _) = await CommandLine.RunAsync("geography", "--help");

        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--db", "--from", "--gemeinden", "--kreise", "--regierungsbezirke", "--plz" })
        {
            Assert.Contains(option, output);
        }

        Assert.Contains("Gemeinden", output);
    }

    [Fact]
    public async Task AnUnknownOptionFailsWithoutImporting()
    {
        var (exitCode, _, error) = await CommandLine.RunAsync("geography", "--nonsense");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--nonsense", error);
    }
}
