using System.ComponentModel.DataAnnotations;

namespace Directory.Api.Startup;

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
}
