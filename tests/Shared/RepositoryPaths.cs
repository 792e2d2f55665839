namespace Directory.Testing;

/// <summary>Paths inside the repository, found from the test binaries' location.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds Directory.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The reference geography, <c>data/</c>.</summary>
    public static string Data => Path.Combine(Root, "data");

    /// <summary>An OpenStreetMap extract of <c>tests/TestData/osm/</c> (ODbL; its README).</summary>
    public static string OsmExtract(string name) => Path.Combine(Root, "tests", "TestData", "osm", name);

    /// <summary>A file in <c>data/</c>.</summary>
    public static string DataFile(string name) => Path.Combine(Data, name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Directory.slnx not found above " + AppContext.BaseDirectory);
    }
}
