using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Directory.Api.Security;

/// <summary>
/// Running behind a reverse proxy (nginx, docs/deployment.md): the client address and scheme from
/// <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c>, but only when the request comes from a proxy listed in
/// <see cref="SecurityOptions.KnownProxies"/> or <see cref="SecurityOptions.KnownNetworks"/>; without that list the
/// headers are ignored, so that no client can choose the address its rate limit and log lines are kept under.
/// Absolute links (OGC API) come from <see cref="SecurityOptions.PublicBaseUrl"/> when it is set, not from the
/// request's Host header.
/// </summary>
public static class ReverseProxy
{
    /// <summary>
    /// Outside Development, with <see cref="SecurityOptions.PublicBaseUrl"/> set and <c>AllowedHosts</c> left at its
    /// default ("*"), only the public address's host (and loopback, for the machine's own health checks) is accepted:
    /// a request with another Host header is refused (400) before anything could build a link or cache an answer
    /// from it. An <c>AllowedHosts</c> of the operator's own is kept.
    /// </summary>
    public static IServiceCollection AllowOnlyThePublicHost(this IServiceCollection services)
    {
        services.AddOptions<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>()
            .Configure<IOptions<SecurityOptions>, IHostEnvironment, IConfiguration>((options, security, environment, configuration) =>
            {
                var configured = configuration["AllowedHosts"];
                if (environment.IsDevelopment() || string.IsNullOrEmpty(security.Value.PublicBaseUrl)
                    || (!string.IsNullOrEmpty(configured) && configured != "*")
                    || !Uri.TryCreate(security.Value.PublicBaseUrl, UriKind.Absolute, out var publicUri))
                {
                    return;
                }

                options.AllowedHosts = [publicUri.IdnHost, "localhost", "127.0.0.1", "[::1]"];
            });
        return services;
    }

    /// <summary>Takes the forwarded headers from the configured proxies; does nothing when none is configured.</summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app)
    {
        var security = app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (security.KnownProxies.Length == 0 && security.KnownNetworks.Length == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // The defaults trust the loopback interface; only what the operator listed is trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in security.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in security.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return app.UseForwardedHeaders(options);
    }

    /// <summary>
    /// The service's public address without a trailing slash: <see cref="SecurityOptions.PublicBaseUrl"/> when set,
    /// else the request's scheme, host and path base. The one place a link's base comes from: with the setting, a
    /// forged Host header changes no link (and outside Development the host filter refuses it, see
    /// <see cref="AllowOnlyThePublicHost"/>).
    /// </summary>
    public static string PublicBaseUrl(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.PublicBaseUrl;
        return string.IsNullOrEmpty(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configured.TrimEnd('/');
    }

    /// <summary>Checks the proxy list and the base URL at start (ValidateOnStart): a typo stops the start with its name.</summary>
    public sealed class Validation : IValidateOptions<SecurityOptions>
    {
        /// <inheritdoc/>
        public ValidateOptionsResult Validate(string? name, SecurityOptions options)
        {
            var failures = new List<string>();
            failures.AddRange(options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
                .Select(p => $"Security:KnownProxies: '{p}' is not an IP address."));
            failures.AddRange(options.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _))
                .Select(n => $"Security:KnownNetworks: '{n}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."));
            if (!string.IsNullOrEmpty(options.PublicBaseUrl)
                && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                    || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)))
            {
                failures.Add($"Security:PublicBaseUrl: '{options.PublicBaseUrl}' is not an absolute http(s) address without query (e.g. https://familienmanager.example.nrw).");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
