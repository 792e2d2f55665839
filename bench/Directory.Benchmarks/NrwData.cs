using Directory.Core.Geography;
using Directory.Core.Geography.Import;

namespace Directory.Benchmarks;

/// <summary>The real NRW geography from the repository's data/ folder, read once per benchmark process.</summary>
public static class NrwData
{
    private static readonly Lazy<GeographyData> Data = new(() => GeographyImporter.Load(GeographySources.InDirectory(Path.Combine(Root, "data"))));

    public static GeographyData Geography => Data.Value;

    /// <summary>The repository's root folder.</summary>
    public static string Root => FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Directory.slnx not found; run from inside the repository.");
    }
}
