using System.ComponentModel.DataAnnotations;

namespace Directory.Api.Security;

/// <summary>Embedding, rate limits and request sizes (configuration section <c>Security</c>).</summary>
public sealed class SecurityOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Security";

    /// <summary>
    /// Origins allowed to show the public pages in a frame (CSP <c>frame-ancestors</c>), e.g.
    /// <c>https://www.mkjfgfi.nrw</c>. Empty (default): no embedding. The staff area is never embeddable.
    /// </summary>
    public string[] FrameAncestors { get; set; } = [];

    /// <summary>Requests per minute and client address to <c>/api</c> and <c>/ogc</c>; 0 turns the limit off.</summary>
    [Range(0, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>
    /// Requests a client may make at once before the per-minute rate applies (a page load with autocomplete takes
    /// a few dozen). Many people behind one municipal network share an address, hence the generous defaults.
    /// </summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 200;

    /// <summary>Largest request body outside the list upload (kilobytes).</summary>
    [Range(1, 1_048_576)]
    public int MaxRequestBodyKilobytes { get; set; } = 64;

    /// <summary>Largest list file the staff area accepts (megabytes).</summary>
    [Range(1, 1024)]
    public int MaxUploadMegabytes { get; set; } = 20;

    /// <summary><see cref="MaxUploadMegabytes"/> in bytes.</summary>
    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
