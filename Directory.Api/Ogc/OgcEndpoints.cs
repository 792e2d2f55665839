using System.ComponentModel;
using System.Globalization;
using System.Text;
using Directory.Api.Common;
using Directory.Api.Ogc.Pages;
using Directory.Api.Problems;
using Directory.Api.Security;
using Directory.Api.Texts;
using Directory.Core.Snapshot;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;

namespace Directory.Api.Ogc;

/// <summary>
/// OGC API – Features, Part 1 (Core, GeoJSON, HTML) under <c>/ogc</c>, so that QGIS and GDAL can add the directory as
/// a live layer. As pygeoapi does it: each handler checks its query with the pure functions of <see cref="OgcQuery"/>,
/// builds one response record (<c>OgcResponses.cs</c>) and renders it as JSON through the serialiser or as HTML
/// through the resource's template (<c>Ogc/Pages</c>), chosen by <c>f=json|html</c> or the Accept header. Unknown
/// query parameters and invalid values are a 400 problem document, as the standard requires.
/// </summary>
public static class OgcEndpoints
{
    /// <summary>The name of the OpenAPI 3.0 document of the OGC endpoints (<c>/openapi/ogc.json</c>).</summary>
    public const string OpenApiDocumentName = "ogc";

    /// <summary>The page of items when <c>limit</c> is not given (the largest: <see cref="QueryLimits.OgcItems"/>).</summary>
    public const int DefaultLimit = 10;

    /// <summary>Maps <c>/ogc</c>.</summary>
    public static IEndpointRouteBuilder MapOgc(this IEndpointRouteBuilder app)
    {
        // Every answer here is chosen by Accept (HTML or JSON) and Accept-Language (the HTML's and the problems'
        // texts): a shared cache must key on both, or it serves a browser's HTML to QGIS.
        var group = app.MapGroup("/ogc").WithTags("OGC API Features").AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.Append(HeaderNames.Vary, "Accept, Accept-Language");
            return await next(context);
        });
        group.MapGet("/", Landing).WithName("OgcLanding").WithSummary("OGC API – Features landing page.")
            .Produces<OgcLanding>(StatusCodes.Status200OK, "application/json", "text/html");
        group.MapGet("/api", OgcServiceDescription.ServiceDescriptionAsync)
            .WithName("OgcServiceDescription").WithSummary("The API description (OpenAPI 3.0).");
        group.MapGet("/conformance", Conformance).WithName("OgcConformance").WithSummary("The conformance classes implemented.")
            .Produces<OgcConformance>(StatusCodes.Status200OK, "application/json", "text/html");
        group.MapGet("/collections", Collections).WithName("OgcCollections").WithSummary("The feature collections.")
            .Produces<OgcCollections>(StatusCodes.Status200OK, "application/json", "text/html");
        group.MapGet("/collections/{collectionId}", Collection).WithName("OgcCollection").WithSummary("One feature collection.")
            .Produces<OgcCollectionInfo>(StatusCodes.Status200OK, "application/json", "text/html");
        group.MapGet("/collections/{collectionId}/items", Items).WithName("OgcItems")
            .WithSummary("The features of a collection, with limit (1–10000, default 10), offset, bbox and bbox-crs, crs, sortby (a property, '-' for descending) and the filters ags, kreis, regierungsbezirk.")
            .Produces<OgcFeatureCollection>(StatusCodes.Status200OK, "application/geo+json", "text/html");
        group.MapGet("/collections/{collectionId}/queryables", OgcServiceDescription.Queryables).WithName("OgcQueryables")
            .WithSummary("What a CQL2 filter of the collection may name: its properties and the geometry (JSON Schema).")
            .Produces(StatusCodes.Status200OK, contentType: "application/schema+json");
        group.MapGet("/collections/{collectionId}/items/{featureId}", Item).WithName("OgcItem").WithSummary("One feature.")
            .Produces<OgcFeatureDocument>(StatusCodes.Status200OK, "application/geo+json", "text/html");
        return app;
    }

    private static IResult Landing(HttpRequest request)
    {
        if (Check(request, [], out var html) is { } problem)
        {
            return problem;
        }

        var root = Root(request);
        var landing = new OgcLanding(ApiTexts.OgcLandingTitle, ApiTexts.OgcLandingDescription,
        [
            new(root, "self", html ? "text/html" : "application/json", ApiTexts.OgcLinkThisPage),
            new(root + "?f=" + (html ? "json" : "html"), "alternate", html ? "application/json" : "text/html", html ? ApiTexts.OgcLinkAsJson : ApiTexts.OgcLinkAsHtml),
            new(root + "/api", "service-desc", "application/vnd.oai.openapi+json;version=3.0", ApiTexts.OgcLinkServiceDesc),
            new($"{ReverseProxy.PublicBaseUrl(request)}/api.html", "service-doc", "text/html", ApiTexts.OgcLinkServiceDoc),
            new(root + "/conformance", "conformance", "application/json", ApiTexts.OgcLinkConformance),
            new(root + "/collections", "data", "application/json", ApiTexts.OgcCollectionsTitle),
        ]);
        return html ? OgcResults.Page<OgcLandingPage>(landing) : OgcResults.Json(landing);
    }

    private static IResult Conformance(HttpRequest request)
    {
        if (Check(request, [], out var html) is { } problem)
        {
            return problem;
        }

        var conformance = new OgcConformance(OgcServiceDescription.ConformanceClasses);
        return html ? OgcResults.Page<OgcConformancePage>(conformance) : OgcResults.Json(conformance);
    }

    private static IResult Collections(HttpRequest request, SnapshotProvider snapshots)
    {
        if (Check(request, [], out var html) is { } problem)
        {
            return problem;
        }

        var root = Root(request);
        var collections = new OgcCollections(
            [new(root + "/collections", "self", "application/json", ApiTexts.OgcCollectionsTitle), new(root + "/collections?f=html", "alternate", "text/html", ApiTexts.OgcLinkAsHtml)],
            OgcCatalog.Of(snapshots.Current).All.Select(c => Describe(c, root)).ToList());
        return html ? OgcResults.Page<OgcCollectionsPage>(collections) : OgcResults.Json(collections);
    }

    private static IResult Collection([Description("familienmanager, gemeinden, kreise or regierungsbezirke.")] string collectionId, HttpRequest request, SnapshotProvider snapshots)
    {
        if (Check(request, [], out var html) is { } problem)
        {
            return problem;
        }

        if (Find(snapshots, collectionId) is not { } collection)
        {
            return CollectionNotFound(collectionId);
        }

        var description = Describe(collection, Root(request));
        return html ? OgcResults.Page<OgcCollectionPage>(description) : OgcResults.Json(description);
    }

    // The query parameters are declared for the OpenAPI document (service-desc); the handler reads them from the
    // query itself, so that an unknown parameter, which binding would ignore, is a 400 as the standard requires.
    private static IResult Items([Description("familienmanager, gemeinden, kreise or regierungsbezirke.")] string collectionId, HttpRequest request, SnapshotProvider snapshots, IOptions<QueryLimits> limits,
        IOptions<Filters.Cql2Limits> filterLimits,
        [Description("Features per page, from 1; default 10.")] string? limit = null,
        [Description("Features to skip; default 0.")] string? offset = null,
        [Description("minx,miny,maxx,maxy in bbox-crs (default CRS84: lon,lat).")] string? bbox = null,
        [FromQuery(Name = "bbox-crs"), Description("CRS of bbox: CRS84, EPSG:4326 or EPSG:25832 (as URI).")] string? bboxCrs = null,
        [Description("CRS of the answer: CRS84 (default), EPSG:4326 or EPSG:25832 (as URI).")] string? crs = null,
        [Description("Equality filter: the Gemeinde (AGS).")] string? ags = null,
        [Description("Equality filter: the Kreis key.")] string? kreis = null,
        [Description("Equality filter: the Regierungsbezirk key.")] string? regierungsbezirk = null,
        [Description("A property to sort by; '-' before it for descending.")] string? sortby = null,
        [Description("A CQL2 filter (Basic CQL2, LIKE/BETWEEN/IN, S_INTERSECTS) over the queryables.")] string? filter = null,
        [FromQuery(Name = "filter-lang"), Description("cql2-text (default) or cql2-json.")] string? filterLang = null,
        [FromQuery(Name = "filter-crs"), Description("CRS of the filter's geometries: CRS84 (default), EPSG:4326 or EPSG:25832 (as URI).")] string? filterCrs = null,
        [Description("json or html; default from the Accept header.")] string? f = null)
    {
        if (Check(request, OgcQuery.ItemsParameters, out var html) is { } problem)
        {
            return problem;
        }

        if (Find(snapshots, collectionId) is not { } collection)
        {
            return CollectionNotFound(collectionId);
        }

        var errors = new Dictionary<string, string[]>();
        var query = request.Query;
        if (OgcQuery.Items(name => query.TryGetValue(name, out var value) ? value.ToString() : null, collection, limits.Value.OgcItems, errors) is not { } items)
        {
            return ApiProblems.InvalidParameters(errors);
        }

        var cql2 = OgcQuery.FilterWithNarrowing(query["filter"], query["filter-lang"], query["filter-crs"], collection, filterLimits.Value, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidParameters(errors);
        }

        // Compared in the bbox's own CRS: a box in EPSG:25832 is a rectangle in metres, not in degrees. A filter's own
        // box and equalities select through the same index first (without a bbox of the query's own).
        var (box, boxCrs) = items.Box is { } given ? (given.Box, given.Crs) : (cql2?.Box, OgcCrs.Crs84);
        var all = collection.Matching(box, boxCrs, [.. items.Equal, .. cql2?.Equal ?? []]);
        if (cql2 is { } narrowed)
        {
            all = all.Where(narrowed.Test).ToList();
        }
        if (items.SortBy is { } order)
        {
            // Every property is a string, a number or null; sorted per request (sortby is rare, and the matches are indexes).
            var key = (Func<int, object?>)(index => collection.PropertyValue(index, order.Property));
            var comparer = Comparer<object?>.Create((a, b) => (a, b) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                (string x, string y) => string.Compare(x, y, StringComparison.CurrentCulture),
                _ => Convert.ToDouble(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b, CultureInfo.InvariantCulture)),
            });
            all = (order.Descending ? all.OrderByDescending(key, comparer) : all.OrderBy(key, comparer)).ToList();
        }

        var page = all.Skip(items.Offset).Take(items.Limit).Select(index => collection[index]).ToList();
        var self = $"{Root(request)}/collections/{collection.Id}/items";
        // The query as given, but for offset and f, escaped once for all the page's links (it was an eighth of the
        // items' CPU time when each link escaped it again).
        var kept = new StringBuilder();
        foreach (var (key, value) in query)
        {
            if (key is not ("offset" or "f"))
            {
                kept.Append(key).Append('=').Append(Uri.EscapeDataString(value.ToString())).Append('&');
            }
        }

        var pageQuery = kept.ToString();
        string PageAt(int at, string format) => string.Create(CultureInfo.InvariantCulture, $"{self}?{pageQuery}offset={at}&f={format}");
        var (format, type) = html ? ("html", "text/html") : ("json", "application/geo+json");
        var links = new List<OgcLink>
        {
            new(PageAt(items.Offset, format), "self", type, ApiTexts.OgcLinkThisPage),
            new(PageAt(items.Offset, html ? "json" : "html"), "alternate", html ? "application/geo+json" : "text/html", html ? ApiTexts.OgcLinkAsGeoJson : ApiTexts.OgcLinkAsHtml),
        };
        if (items.Offset + page.Count < all.Count)
        {
            links.Add(new(PageAt(items.Offset + items.Limit, format), "next", type, ApiTexts.OgcLinkNextPage));
        }

        if (items.Offset > 0)
        {
            links.Add(new(PageAt(Math.Max(0, items.Offset - items.Limit), format), "prev", type, ApiTexts.OgcLinkPreviousPage));
        }

        var features = new OgcFeatureCollection("FeatureCollection", links,
            DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), all.Count, page.Count,
            page.Select(feature => OgcResults.Feature(feature, items.Crs)).ToList(),
            string.Format(ApiTexts.OgcItemsTitle, collection.Title, items.Offset + 1, items.Offset + page.Count, all.Count), self);
        return html ? OgcResults.Page<OgcItemsPage>(features) : OgcResults.GeoJson(features, items.Crs);
    }

    private static IResult Item([Description("familienmanager, gemeinden, kreise or regierungsbezirke.")] string collectionId,
        [Description("The feature id: a key (AGS, Kreis, Regierungsbezirk) or a family manager's id.")] string featureId, HttpRequest request, SnapshotProvider snapshots)
    {
        if (Check(request, ["crs"], out var html) is { } problem)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        var crs = OgcQuery.Crs(request.Query["crs"], "crs", errors) ?? OgcCrs.Crs84;
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidParameters(errors);
        }

        if (Find(snapshots, collectionId) is not { } collection)
        {
            return CollectionNotFound(collectionId);
        }

        if (collection.Find(featureId) is not { } found)
        {
            var message = string.Format(ApiTexts.OgcFeatureNotFound, featureId, collectionId);
            return ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.FeatureNotFound, ApiTexts.Status404, message, ["featureId"], message);
        }

        var self = $"{Root(request)}/collections/{collection.Id}/items/{found.Id}";
        var feature = OgcResults.Feature(found, crs) with
        {
            Links =
            [
                new(self, "self", "application/geo+json", ApiTexts.OgcLinkThisFeature),
                new(self + "?f=html", "alternate", "text/html", ApiTexts.OgcLinkAsHtml),
                new($"{Root(request)}/collections/{collection.Id}", "collection", "application/json", collection.Title),
            ],
        };
        return html ? OgcResults.Page<OgcItemPage>(feature) : OgcResults.GeoJson(feature, crs);
    }

    /// <summary>The <c>href</c> of the HTML link with this relation (the templates link to the HTML pages).</summary>
    public static string HtmlLink(IEnumerable<OgcLink> links, string rel) =>
        links.First(l => l.Rel == rel && l.Type == "text/html").Href;

    private static OgcCollectionInfo Describe(OgcCollection c, string root) => new(c.Id, c.Title, c.Description, "feature",
        OgcCrsUris.All, OgcCrsUris.Epsg25832,
        new OgcExtent(new OgcSpatialExtent([[.. new[] { c.Extent.MinX, c.Extent.MinY, c.Extent.MaxX, c.Extent.MaxY }.Select(n => Math.Round(n, 6))]], OgcCrsUris.Crs84)),
        [
            new($"{root}/collections/{c.Id}", "self", "application/json", c.Title),
            new($"{root}/collections/{c.Id}?f=html", "alternate", "text/html", ApiTexts.OgcLinkAsHtml),
            new($"{root}/collections/{c.Id}/items", "items", "application/geo+json", ApiTexts.OgcLinkItems),
            new($"{root}/collections/{c.Id}/items?f=html", "items", "text/html", ApiTexts.OgcLinkItemsAsHtml),
            new($"{root}/collections/{c.Id}/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", "application/schema+json", ApiTexts.OgcLinkQueryables),
        ],
        c.Count);

    internal static string Root(HttpRequest request) => $"{ReverseProxy.PublicBaseUrl(request)}/ogc";

    internal static OgcCollection? Find(SnapshotProvider snapshots, string id) =>
        OgcCatalog.Of(snapshots.Current).Find(id);

    internal static IResult CollectionNotFound(string id)
    {
        var message = string.Format(ApiTexts.OgcCollectionNotFound, id);
        return ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.CollectionNotFound, ApiTexts.Status404, message, ["collectionId"], message);
    }

    // Unknown query parameters and an unknown f are a 400; says whether HTML was asked for.
    internal static ValidationProblem? Check(HttpRequest request, IReadOnlyCollection<string> allowed, out bool html)
    {
        var errors = new Dictionary<string, string[]>();
        html = OgcQuery.WantsHtml(request.Query.Keys, request.Query["f"], request.Headers.Accept, allowed, errors);
        return errors.Count > 0 ? ApiProblems.InvalidParameters(errors) : null;
    }
}
