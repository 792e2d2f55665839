using Directory.Api.MapConfig;
using Microsoft.Extensions.Options;

namespace Directory.Api.Security;

/// <summary>
/// The response headers every answer carries: a Content-Security-Policy without <c>unsafe-inline</c> (the pages have
/// no inline script or style), no MIME sniffing, no referrer beyond the origin, and frame rules that allow embedding
/// of the public pages only by the configured origins and of the staff area never. On every response, error
/// responses of the exception handler and the status-code pages included.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The one page other sites may frame (its own, looser policy); the page itself is PublicPages'.</summary>
    public const string EmbeddedViewPath = "/einbetten/karte";

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var security = app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var map = app.ApplicationServices.GetRequiredService<IOptions<MapOptions>>().Value;
        var publicPolicy = ContentSecurityPolicy(map.TileUrl, security.FrameAncestors);
        var staffPolicy = ContentSecurityPolicy(null, []);
        // The embedded view is framed by this service's own generator preview, and by the configured origins.
        var embeddedPolicy = ContentSecurityPolicy(map.TileUrl, security.FrameAncestors, selfAlways: true);
        return app.Use((context, next) =>
        {
            // Set when the response starts, not now: the exception handler clears the headers of a failed request
            // before it writes the error, and that answer must carry them too.
            context.Response.OnStarting(() =>
            {
                Apply(context, security, publicPolicy, staffPolicy, embeddedPolicy);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static void Apply(HttpContext context, SecurityOptions security, string publicPolicy, string staffPolicy, string embeddedPolicy)
    {
        var staff = StaffPaths.IsStaff(context.Request.Path);
        var embedded = context.Request.Path.Equals(EmbeddedViewPath, StringComparison.OrdinalIgnoreCase);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = staff ? staffPolicy : embedded ? embeddedPolicy : publicPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()";
        if (staff || (security.FrameAncestors.Length == 0 && !embedded))
        {
            // For browsers that predate frame-ancestors; it cannot name several origins, so only when none may embed.
            headers.XFrameOptions = "DENY";
        }

        if (staff)
        {
            // Personal data of non-public entries: never kept in a shared or browser cache.
            // (The form of the value antiforgery sets itself, so that it has nothing to override and log.)
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
        }
    }

    /// <summary>The policy for the given optional tile server and embedding origins.</summary>
    public static string ContentSecurityPolicy(string? tileUrl, IReadOnlyCollection<string> frameAncestors, bool selfAlways = false)
    {
        var images = "'self' data:";
        if (!string.IsNullOrWhiteSpace(tileUrl) && TileOrigin(tileUrl) is { } origin)
        {
            images += " " + origin;
        }

        var ancestors = frameAncestors.Count == 0 ? (selfAlways ? "'self'" : "'none'") : "'self' " + string.Join(' ', frameAncestors);
        return $"default-src 'self'; script-src 'self'; style-src 'self'; img-src {images}; font-src 'self'; connect-src 'self'; "
            + $"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {ancestors}";
    }

    // "https://{s}.tile.example.org/{z}/{x}/{y}.png" → "https://*.tile.example.org": Leaflet's {s} subdomains.
    private static string? TileOrigin(string tileUrl)
    {
        var withoutPlaceholders = tileUrl.Replace("{s}", "subdomain", StringComparison.Ordinal);
        if (!Uri.TryCreate(withoutPlaceholders, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = tileUrl.Contains("{s}.", StringComparison.Ordinal) ? "*" + uri.Host["subdomain".Length..] : uri.Host;
        return $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}";
    }
}
