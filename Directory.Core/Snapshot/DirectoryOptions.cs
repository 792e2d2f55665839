using System.ComponentModel.DataAnnotations;

namespace Directory.Core.Snapshot;

/// <summary>Where the directory's data comes from (configuration section <c>Directory</c>).</summary>
public sealed class DirectoryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Directory";

    /// <summary>
    /// Folder with the reference geography that a first start imports into an empty database. Default: the
    /// <c>data</c> folder copied next to the service's binaries.
    /// </summary>
    [Required]
    public string GeographySource { get; set; } = Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>
    /// A certification list that a first start imports into a new database, through the same importer as the CLI.
    /// Default: the project's fictional demo list, copied next to the binaries; empty for none.
    /// </summary>
    public string? SeedList { get; set; } = Path.Combine(AppContext.BaseDirectory, "seeds", "familienmanager-demo.csv");

    /// <summary>
    /// The memory (MB) that the computed coverage models, results, travel times and rendered answers of one snapshot
    /// may take together; the least recently used go first.
    /// </summary>
    [Range(16, 16_384)]
    public int CacheMegabytes { get; set; } = 256;

    /// <summary>How often the service checks the database for imports made while it runs (seconds).</summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 2;
}
