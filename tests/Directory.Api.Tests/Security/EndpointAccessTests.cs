using System.Net;
using Directory.Api.Tests.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Api.Tests.Security;

/// <summary>
/// Every endpoint the service maps is either in the documented public list (docs/security.md) or answers 401 to a
/// request without a staff session; a new endpoint cannot slip through unprotected and undocumented.
/// </summary>
public sealed class EndpointAccessTests(ReadOnlyApiFixture api) : IClassFixture<ReadOnlyApiFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryEndpointIsDocumentedPublicOrRequiresAStaffSession()
    {
        var documented = PublicEndpointList.Read();
        Assert.True(documented.Count > 20, "the public list in docs/security.md was not found");
        var endpoints = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var client = StaffBrowser.For(api.Factory).Client;
        var staffChecked = 0;
        var mapped = new HashSet<(string, string)>();
        foreach (var endpoint in endpoints)
        {
            var route = PublicEndpointList.Normalise(endpoint.RoutePattern.RawText ?? "");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                mapped.Add((method, route));
                if (documented.Contains((method, route)))
                {
                    continue;
                }

                // Not public: it must carry an authorization requirement and refuse an anonymous request.
                Assert.True(endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null || endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Count > 0,
                    $"{method} {route} is neither in docs/security.md nor protected");
                var url = SampleUrl(route);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method == "POST")
                {
                    request.Content = new FormUrlEncodedContent([]);
                }

                var response = await client.SendAsync(request, Cancel);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized,
                    $"{method} {url} answered {(int)response.StatusCode} without a session");
                staffChecked++;
            }
        }

        // The check ran over the staff area (pages and /api/admin), and the documented list has no stale rows.
        Assert.True(staffChecked >= 15, $"only {staffChecked} staff endpoints found");
        var stale = documented.Where(d => !mapped.Contains(d)).ToList();
        Assert.True(stale.Count == 0, "documented but not mapped: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task StaffPagesDoNotShowTheirContentWithoutASession()
    {
        var response = await api.Client.GetAsync("/verwaltung/eintraege", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("/verwaltung/anmelden?ReturnUrl=%2Fverwaltung%2Feintraege", page);
        Assert.DoesNotContain("<table", page);
        await ProblemAssert.IsProblemAsync(await api.Client.GetAsync("/api/admin/history", Cancel), HttpStatusCode.Unauthorized);
    }

    private static string SampleUrl(string route) =>
        route.Replace("{id}", "1").Replace("{key}", "05966024").Replace("{**path}", "x");
}
