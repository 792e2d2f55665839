using System.ComponentModel;
using System.Globalization;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Directory.Api.Problems;
using Directory.Api.Security;
using Directory.Core.Snapshot;
using Directory.Api.Texts;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using Directory.Api.Common;

namespace Directory.Api.Ogc;

/// <summary>
/// OGC API – Features, Part 1 (Core, GeoJSON, HTML) under <c>/ogc</c>, so that QGIS and GDAL can add the directory as
/// a live layer. Every resource as JSON or HTML (<c>f=json|html</c> or the Accept header); unknown query parameters
/// and invalid values are a 400 problem document, as the standard requires.
/// </summary>
public static class OgcEndpoints
{
    /// <summary>The name of the OpenAPI 3.0 document of the OGC endpoints (<c>/openapi/ogc.json</c>).</summary>
    public const string OpenApiDocumentName = "ogc";

    /// <summary>The page of items when <c>limit</c> is not given (the largest: <see cref="QueryLimits.OgcItems"/>).</summary>
    public const int DefaultLimit = 10;

    /// <summary>The conformance classes implemented, exactly.</summary>
    public static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
    ];

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Maps <c>/ogc</c>.</summary>
    public static IEndpointRouteBuilder MapOgc(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ogc").WithTags("OGC API Features");
        group.MapGet("/", Landing).WithName("OgcLanding").WithSummary("OGC API – Features landing page.");
        group.MapGet("/api", ServiceDescriptionAsync)
            .WithName("OgcServiceDescription").WithSummary("The API description (OpenAPI 3.0).");
        group.MapGet("/conformance", Conformance).WithName("OgcConformance").WithSummary("The conformance classes implemented.");
        group.MapGet("/collections", Collections).WithName("OgcCollections").WithSummary("The feature collections.");
        group.MapGet("/collections/{collectionId}", Collection).WithName("OgcCollection").WithSummary("One feature collection.");
        group.MapGet("/collections/{collectionId}/items", Items).WithName("OgcItems")
            .WithSummary("The features of a collection, with limit (1–10000, default 10), offset, bbox and bbox-crs, crs, sortby (a property, '-' for descending) and the filters ags, kreis, regierungsbezirk.");
        group.MapGet("/collections/{collectionId}/items/{featureId}", Item).WithName("OgcItem").WithSummary("One feature.");
        return app;
    }

    // Answered here, not redirected to /openapi/ogc.json: QGIS reads the landing page's service-desc link and does not
    // follow a redirect, so with a 302 it could not add the layer.
    private static async Task<IResult> ServiceDescriptionAsync(
        [FromKeyedServices(OpenApiDocumentName)] Microsoft.AspNetCore.OpenApi.IOpenApiDocumentProvider documents, CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV3(new Microsoft.OpenApi.OpenApiJsonWriter(text));
        return TypedResults.Text(text.ToString(), "application/vnd.oai.openapi+json;version=3.0", Encoding.UTF8);
    }

    private static IResult Landing(HttpRequest request)
    {
        if (Check(request, [], out var html) is { } problem)
        {
            return problem;
        }

        var root = Root(request);
        var links = new List<Link>
        {
            new(root, "self", html ? "text/html" : "application/json", "Diese Seite"),
            new(root + "?f=" + (html ? "json" : "html"), "alternate", html ? "application/json" : "text/html", html ? "als JSON" : "als HTML"),
            new(root + "/api", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "API-Beschreibung (OpenAPI 3.0)"),
            new($"{ReverseProxy.PublicBaseUrl(request)}/api.html", "service-doc", "text/html", "API-Referenz"),
            new(root + "/conformance", "conformance", "application/json", "Konformitätsklassen"),
            new(root + "/collections", "data", "application/json", "Sammlungen"),
        };
        const string title = "Familienmanager NRW – OGC API Features";
        const string description = "Die zertifizierten Familienmanager:innen und die Gemeinden, Kreise und Regierungsbezirke Nordrhein-Westfalens als Geodatendienst.";
        return html
            ? HtmlPage(title, $"<p>{Html.Encode(description)}</p>{LinkList(links)}")
            : Json(w =>
            {
                w.WriteString("title", title);
                w.WriteString("description", description);
                WriteLinks(w, links);
            });
    }

    private static IResult Conformance(HttpRequest request)
    {
        if (Check(request, [], out var html) is { } problem)
        {
            return problem;
        }

        return html
            ? HtmlPage("Konformität", "<ul>" + string.Concat(ConformanceClasses.Select(c => $"<li>{Html.Encode(c)}</li>")) + "</ul>")
            : Json(w =>
            {
                w.WriteStartArray("conformsTo");
                foreach (var c in ConformanceClasses)
                {
                    w.WriteStringValue(c);
                }

                w.WriteEndArray();
            });
    }

    private static IResult Collections(HttpRequest request, SnapshotProvider snapshots)
    {
        if (Check(request, [], out var html) is { } problem)
        {
            return problem;
        }

        var root = Root(request);
        var collections = OgcCatalog.Of(snapshots.Current).All;
        if (html)
        {
            return HtmlPage("Sammlungen", "<ul>" + string.Concat(collections.Select(c =>
                $"<li><a href=\"{Html.Encode($"{root}/collections/{c.Id}?f=html")}\">{Html.Encode(c.Title)}</a>: {Html.Encode(c.Description)} ({c.Count})</li>")) + "</ul>");
        }

        return Json(w =>
        {
            WriteLinks(w, [new(root + "/collections", "self", "application/json", "Sammlungen"), new(root + "/collections?f=html", "alternate", "text/html", "als HTML")]);
            w.WriteStartArray("collections");
            foreach (var c in collections)
            {
                w.WriteStartObject();
                WriteCollection(w, c, root);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static IResult Collection([Description("familienmanager, gemeinden, kreise or regierungsbezirke.")] string collectionId, HttpRequest request, SnapshotProvider snapshots)
    {
        if (Check(request, [], out var html) is { } problem)
        {
            return problem;
        }

        var collection = Find(snapshots, collectionId);
        if (collection is null)
        {
            return CollectionNotFound(collectionId);
        }

        var root = Root(request);
        return html
            ? HtmlPage(collection.Title, $"<p>{Html.Encode(collection.Description)}</p><p><a href=\"{Html.Encode($"{root}/collections/{collection.Id}/items?f=html")}\">Objekte ({collection.Count})</a></p>")
            : Json(w => WriteCollection(w, collection, root));
    }

    // The query parameters are declared for the OpenAPI document (service-desc); the handler reads them from the
    // query itself, so that an unknown parameter, which binding would ignore, is a 400 as the standard requires.
    private static IResult Items([Description("familienmanager, gemeinden, kreise or regierungsbezirke.")] string collectionId, HttpRequest request, SnapshotProvider snapshots, IOptions<JsonOptions> json, IOptions<QueryLimits> limits,
        [Description("Features per page, from 1; default 10.")] string? limit = null,
        [Description("Features to skip; default 0.")] string? offset = null,
        [Description("minx,miny,maxx,maxy in bbox-crs (default CRS84: lon,lat).")] string? bbox = null,
        [FromQuery(Name = "bbox-crs"), Description("CRS of bbox: CRS84, EPSG:4326 or EPSG:25832 (as URI).")] string? bboxCrs = null,
        [Description("CRS of the answer: CRS84 (default), EPSG:4326 or EPSG:25832 (as URI).")] string? crs = null,
        [Description("Equality filter: the Gemeinde (AGS).")] string? ags = null,
        [Description("Equality filter: the Kreis key.")] string? kreis = null,
        [Description("Equality filter: the Regierungsbezirk key.")] string? regierungsbezirk = null,
        [Description("A property to sort by; '-' before it for descending.")] string? sortby = null,
        [Description("json or html; default from the Accept header.")] string? f = null)
    {
        if (Check(request, ["limit", "offset", "bbox", "bbox-crs", "crs", "ags", "kreis", "regierungsbezirk", "sortby"], out var html) is { } problem)
        {
            return problem;
        }

        var collection = Find(snapshots, collectionId);
        if (collection is null)
        {
            return CollectionNotFound(collectionId);
        }

        var errors = new Dictionary<string, string[]>();
        var query = request.Query;
        var pageSize = Integer(query["limit"], "limit", DefaultLimit, 1, limits.Value.OgcItems, errors);
        var skip = Integer(query["offset"], "offset", 0, 0, int.MaxValue, errors);
        var answerCrs = CrsParameter(query["crs"], "crs", errors);
        var boxCrs = CrsParameter(query["bbox-crs"], "bbox-crs", errors);
        var box = Bbox(query["bbox"], boxCrs ?? OgcCrs.Crs84, errors);
        var sortBy = SortBy(query["sortby"], collection, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidParameters(errors);
        }

        var equal = new List<(string Property, string Value)>();
        foreach (var filter in new[] { "ags", "kreis", "regierungsbezirk" })
        {
            if (query[filter].ToString() is { Length: > 0 } value)
            {
                equal.Add((filter == "ags" ? (collection.Id == "familienmanager" ? "gebiet" : "schluessel") : filter, value));
            }
        }

        // Compared in the bbox's own CRS: a box in EPSG:25832 is a rectangle in metres, not in degrees.
        var all = collection.Matching(box?.Box, box?.Crs ?? OgcCrs.Crs84, equal);
        if (sortBy is { } order)
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

        var page = all.Skip(skip!.Value).Take(pageSize!.Value).Select(index => collection[index]).ToList();
        var root = Root(request);
        var self = $"{root}/collections/{collection.Id}/items";
        string Page(int at, string format) => $"{self}?{string.Join('&', query.Where(p => p.Key is not ("offset" or "f")).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value.ToString())}").Append($"offset={at}").Append($"f={format}"))}";
        var links = new List<Link>
        {
            new(Page(skip.Value, html ? "html" : "json"), "self", html ? "text/html" : "application/geo+json", "Diese Seite"),
            new(Page(skip.Value, html ? "json" : "html"), "alternate", html ? "application/geo+json" : "text/html", html ? "als GeoJSON" : "als HTML"),
        };
        if (skip.Value + page.Count < all.Count)
        {
            links.Add(new(Page(skip.Value + pageSize.Value, html ? "html" : "json"), "next", html ? "text/html" : "application/geo+json", "Nächste Seite"));
        }

        if (skip.Value > 0)
        {
            links.Add(new(Page(Math.Max(0, skip.Value - pageSize.Value), html ? "html" : "json"), "prev", html ? "text/html" : "application/geo+json", "Vorige Seite"));
        }

        if (html)
        {
            return HtmlPage($"{collection.Title}: Objekte {skip.Value + 1}–{skip.Value + page.Count} von {all.Count}",
                "<ul>" + string.Concat(page.Select(feature => $"<li><a href=\"{Html.Encode($"{self}/{feature.Id}?f=html")}\">{Html.Encode(feature.Properties.GetValueOrDefault("name")?.ToString() ?? feature.Id)}</a></li>")) + "</ul>" + LinkList(links));
        }

        return Json(w =>
        {
            w.WriteString("type", "FeatureCollection");
            WriteLinks(w, links);
            w.WriteString("timeStamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteNumber("numberMatched", all.Count);
            w.WriteNumber("numberReturned", page.Count);
            w.WriteStartArray("features");
            foreach (var feature in page)
            {
                WriteFeature(w, feature, answerCrs ?? OgcCrs.Crs84, json.Value.SerializerOptions);
            }

            w.WriteEndArray();
        }, "application/geo+json", answerCrs ?? OgcCrs.Crs84);
    }

    private static IResult Item([Description("familienmanager, gemeinden, kreise or regierungsbezirke.")] string collectionId,
        [Description("The feature id: a key (AGS, Kreis, Regierungsbezirk) or a family manager's id.")] string featureId, HttpRequest request, SnapshotProvider snapshots, IOptions<JsonOptions> json)
    {
        if (Check(request, ["crs"], out var html) is { } problem)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        var crs = CrsParameter(request.Query["crs"], "crs", errors) ?? OgcCrs.Crs84;
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidParameters(errors);
        }

        var collection = Find(snapshots, collectionId);
        if (collection is null)
        {
            return CollectionNotFound(collectionId);
        }

        if (collection.Find(featureId) is not { } feature)
        {
            var message = string.Format(ApiTexts.OgcFeatureNotFound, featureId, collectionId);
            return ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.FeatureNotFound, ApiTexts.Status404, message, ["featureId"], message);
        }

        if (html)
        {
            return HtmlPage(feature.Properties.GetValueOrDefault("name")?.ToString() ?? feature.Id,
                "<dl>" + string.Concat(feature.Properties.Select(p => $"<dt>{Html.Encode(p.Key)}</dt><dd>{Html.Encode(Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? "")}</dd>")) + "</dl>");
        }

        var self = $"{Root(request)}/collections/{collection.Id}/items/{feature.Id}";
        return Json(w =>
        {
            WriteFeatureBody(w, feature, crs, json.Value.SerializerOptions);
            WriteLinks(w, [new(self, "self", "application/geo+json", "Dieses Objekt"), new(self + "?f=html", "alternate", "text/html", "als HTML"),
                new($"{Root(request)}/collections/{collection.Id}", "collection", "application/json", collection.Title)]);
        }, "application/geo+json", crs);
    }

    private sealed record Link(string Href, string Rel, string Type, string Title);

    private static string Root(HttpRequest request) => $"{ReverseProxy.PublicBaseUrl(request)}/ogc";

    private static OgcCollection? Find(SnapshotProvider snapshots, string id) =>
        OgcCatalog.Of(snapshots.Current).Find(id);

    private static IResult CollectionNotFound(string id)
    {
        var message = string.Format(ApiTexts.OgcCollectionNotFound, id);
        return ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.CollectionNotFound, ApiTexts.Status404, message, ["collectionId"], message);
    }

    /// <summary>Rejects unknown query parameters and an unknown f; says whether HTML was asked for.</summary>
    private static IResult? Check(HttpRequest request, string[] allowed, out bool html)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var key in request.Query.Keys.Where(k => k != "f" && !allowed.Contains(k)))
        {
            errors[key] = [string.Format(ApiTexts.OgcUnknownParameter, key)];
        }

        var f = request.Query["f"].ToString();
        html = f == "html" || (f.Length == 0 && request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal)
                                              && !request.Headers.Accept.ToString().Contains("json", StringComparison.Ordinal));
        if (f.Length > 0 && f is not ("json" or "html"))
        {
            errors["f"] = [string.Format(ApiTexts.OgcFormatInvalid, f)];
        }

        return errors.Count > 0 ? ApiProblems.InvalidParameters(errors) : null;
    }

    private static int? Integer(string? value, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors[name] = [string.Format(ApiTexts.OgcIntegerInvalid, value, min, max)];
        return null;
    }

    private static (Envelope Box, OgcCrs Crs)? Bbox(string? value, OgcCrs crs, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parts = value.Split(',');
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : (double?)null).ToList();
        if (parts.Length != 4 || numbers.Any(n => n is null) || numbers[0] > numbers[2] || numbers[1] > numbers[3]
            || OgcCrsUris.ToCrs84(numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, numbers[3]!.Value, crs) is null)
        {
            errors["bbox"] = [string.Format(ApiTexts.OgcBboxInvalid, value)];
            return null;
        }

        // The box in the axis order of its CRS's geometries (EPSG:4326: latitude first, as the values come).
        return (new Envelope(numbers[0]!.Value, numbers[2]!.Value, numbers[1]!.Value, numbers[3]!.Value), crs);
    }

    private static OgcCrs? CrsParameter(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var crs = OgcCrsUris.Parse(value);
        if (crs is null)
        {
            errors[name] = [string.Format(ApiTexts.OgcCrsInvalid, value, string.Join(", ", OgcCrsUris.All))];
        }

        return crs;
    }

    /// <summary><c>sortby=name</c> or <c>sortby=-einwohner</c>: one property of the collection, "-" for descending.</summary>
    private static (string Property, bool Descending)? SortBy(string? value, OgcCollection collection, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var descending = value.StartsWith('-');
        var property = value.TrimStart('+', '-');
        if (collection.Count > 0 && !collection.PropertyNames.Contains(property))
        {
            errors["sortby"] = [string.Format(ApiTexts.OgcSortByInvalid, value, string.Join(", ", collection.PropertyNames))];
            return null;
        }

        return (property, descending);
    }

    private static void WriteCollection(Utf8JsonWriter w, OgcCollection c, string root)
    {
        w.WriteString("id", c.Id);
        w.WriteString("title", c.Title);
        w.WriteString("description", c.Description);
        w.WriteString("itemType", "feature");
        w.WriteStartArray("crs");
        foreach (var uri in OgcCrsUris.All)
        {
            w.WriteStringValue(uri);
        }

        w.WriteEndArray();
        w.WriteString("storageCrs", OgcCrsUris.Epsg25832);
        w.WriteStartObject("extent");
        w.WriteStartObject("spatial");
        w.WriteStartArray("bbox");
        w.WriteStartArray();
        foreach (var n in new[] { c.Extent.MinX, c.Extent.MinY, c.Extent.MaxX, c.Extent.MaxY })
        {
            w.WriteNumberValue(Math.Round(n, 6));
        }

        w.WriteEndArray();
        w.WriteEndArray();
        w.WriteString("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        w.WriteEndObject();
        w.WriteEndObject();
        WriteLinks(w,
        [
            new($"{root}/collections/{c.Id}", "self", "application/json", c.Title),
            new($"{root}/collections/{c.Id}?f=html", "alternate", "text/html", "als HTML"),
            new($"{root}/collections/{c.Id}/items", "items", "application/geo+json", "Objekte"),
            new($"{root}/collections/{c.Id}/items?f=html", "items", "text/html", "Objekte als HTML"),
        ]);
    }

    private static void WriteFeature(Utf8JsonWriter w, OgcFeature feature, OgcCrs crs, JsonSerializerOptions options)
    {
        w.WriteStartObject();
        WriteFeatureBody(w, feature, crs, options);
        w.WriteEndObject();
    }

    private static void WriteFeatureBody(Utf8JsonWriter w, OgcFeature feature, OgcCrs crs, JsonSerializerOptions options)
    {
        w.WriteString("type", "Feature");
        w.WriteString("id", feature.Id);
        w.WritePropertyName("geometry");
        JsonSerializer.Serialize(w, OgcCrsUris.GeometryIn(feature, crs), options);
        w.WritePropertyName("properties");
        JsonSerializer.Serialize(w, feature.Properties, options);
    }

    private static void WriteLinks(Utf8JsonWriter w, IEnumerable<Link> links)
    {
        w.WriteStartArray("links");
        foreach (var link in links)
        {
            w.WriteStartObject();
            w.WriteString("href", link.Href);
            w.WriteString("rel", link.Rel);
            w.WriteString("type", link.Type);
            w.WriteString("title", link.Title);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    // Umlauts as they are, not as \u escapes. Made once: creating an encoder builds its tables (it was per request).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static IResult Json(Action<Utf8JsonWriter> body, string contentType = "application/json", OgcCrs? contentCrs = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        var bytes = stream.ToArray();
        return contentCrs is { } crs ? new ContentCrsResult(TypedResults.Bytes(bytes, contentType), OgcCrsUris.Uri(crs)) : TypedResults.Bytes(bytes, contentType);
    }

    /// <summary>Adds the Part 2 <c>Content-Crs</c> header to a result.</summary>
    private sealed class ContentCrsResult(IResult inner, string crsUri) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers["Content-Crs"] = $"<{crsUri}>";
            return inner.ExecuteAsync(httpContext);
        }
    }

    private static string LinkList(IEnumerable<Link> links) =>
        "<ul>" + string.Concat(links.Select(l => $"<li><a href=\"{Html.Encode(l.Href)}\">{Html.Encode(l.Title)}</a> ({Html.Encode(l.Rel)})</li>")) + "</ul>";

    private static IResult HtmlPage(string title, string body) =>
        TypedResults.Content($"<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>{Html.Encode(title)}</title>" +
                             "<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main class=\"text-content\">" +
                             $"<p><a href=\"/ogc?f=html\">OGC API Features</a> · <a href=\"/ogc/collections?f=html\">Sammlungen</a></p><h1>{Html.Encode(title)}</h1>{body}</main></body></html>",
            "text/html; charset=utf-8");
}
