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

    /// <summary>
    /// Sign-in and password-change attempts per minute and client address (0 turns the limit off); beyond it 429.
    /// </summary>
    [Range(0, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Largest request body outside the list upload (kilobytes).</summary>
    [Range(1, 1_048_576)]
    public int MaxRequestBodyKilobytes { get; set; } = 64;

    /// <summary>
    /// Addresses of the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed, e.g.
    /// <c>127.0.0.1</c> for nginx on the same machine. Empty (default): the headers are ignored.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation, e.g. <c>10.20.0.0/16</c>. Empty (default): none.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>
    /// The service's public address, e.g. <c>https://familienmanager.example.nrw</c>: absolute links (OGC API) are
    /// built from it instead of the request's Host header. Empty (default): from the request.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Largest list file the staff area accepts (megabytes).</summary>
    [Range(1, 1024)]
    public int MaxUploadMegabytes { get; set; } = 20;

    /// <summary><see cref="MaxUploadMegabytes"/> in bytes.</summary>
    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
