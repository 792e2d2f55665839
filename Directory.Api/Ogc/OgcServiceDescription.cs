using System.ComponentModel;
using System.Globalization;
using System.Text;
using Directory.Core.Snapshot;

namespace Directory.Api.Ogc;

/// <summary>
/// What the OGC API says of itself: its conformance classes, its OpenAPI 3.0 document (rooted at <c>/ogc</c>) and each
/// collection's queryables.
/// </summary>
public static class OgcServiceDescription
{
    /// <summary>The conformance classes implemented, exactly.</summary>
    public static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
        "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
    ];

    /// <summary>
    /// The OGC API's document describes the API from its landing page: the server is <c>…/ogc</c> and the paths are
    /// below it (<c>/collections/{collectionId}/items</c>), as clients look them up from the landing page's address.
    /// GDAL's OAPIF driver finds the items' parameters (and so whether it may send a filter) only this way. The
    /// filter language also names <c>cql-text</c>, the draft's name that GDAL before 3.7 sends, taken as cql2-text.
    /// </summary>
    public static void RootAtOgc(Microsoft.OpenApi.OpenApiDocument document)
    {
        var paths = new Microsoft.OpenApi.OpenApiPaths();
        foreach (var (path, item) in document.Paths)
        {
            paths.Add(path.StartsWith("/ogc", StringComparison.Ordinal) ? (path.Length == 4 ? "/" : path[4..]) : path, item);
        }

        document.Paths = paths;
        document.Servers = [.. (document.Servers is { Count: > 0 } servers ? servers : [new Microsoft.OpenApi.OpenApiServer { Url = "" }])
            .Select(server => new Microsoft.OpenApi.OpenApiServer { Url = (server.Url ?? "").TrimEnd('/') + "/ogc" })];
        if (paths.TryGetValue("/collections/{collectionId}/items", out var items)
            && items.Operations?.Values.FirstOrDefault()?.Parameters?.OfType<Microsoft.OpenApi.OpenApiParameter>()
                .FirstOrDefault(p => p.Name == "filter-lang") is { } language)
        {
            language.Schema = new Microsoft.OpenApi.OpenApiSchema
            {
                Type = Microsoft.OpenApi.JsonSchemaType.String,
                Enum = [System.Text.Json.Nodes.JsonValue.Create("cql2-text"), System.Text.Json.Nodes.JsonValue.Create("cql2-json"), System.Text.Json.Nodes.JsonValue.Create("cql-text")],
                Default = System.Text.Json.Nodes.JsonValue.Create("cql2-text"),
            };
        }
    }

    // Answered here, not redirected to /openapi/ogc.json: QGIS reads the landing page's service-desc link and does not
    // follow a redirect, so with a 302 it could not add the layer.
    internal static async Task<IResult> ServiceDescriptionAsync(
        [FromKeyedServices(OgcEndpoints.OpenApiDocumentName)] Microsoft.AspNetCore.OpenApi.IOpenApiDocumentProvider documents, CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV3(new Microsoft.OpenApi.OpenApiJsonWriter(text));
        return TypedResults.Text(text.ToString(), "application/vnd.oai.openapi+json;version=3.0", Encoding.UTF8);
    }

    // JSON Schema of the queryables, as Part 3 describes it: a closed object whose properties are the queryables.
    internal static IResult Queryables([Description("familienmanager, gemeinden, kreise or regierungsbezirke.")] string collectionId,
        HttpRequest request, SnapshotProvider snapshots)
    {
        if (OgcEndpoints.Check(request, [], out _) is { } problem)
        {
            return problem;
        }

        if (OgcEndpoints.Find(snapshots, collectionId) is not { } collection)
        {
            return OgcEndpoints.CollectionNotFound(collectionId);
        }

        var root = OgcEndpoints.Root(request);
        var properties = new System.Text.Json.Nodes.JsonObject();
        foreach (var queryable in collection.Queryables)
        {
            properties[queryable.Name] = queryable.Type switch
            {
                "point" => new System.Text.Json.Nodes.JsonObject { ["title"] = "Lage", ["format"] = "geometry-point", ["x-ogc-role"] = "primary-geometry" },
                "polygon" => new System.Text.Json.Nodes.JsonObject { ["title"] = "Grenze", ["format"] = "geometry-multipolygon", ["x-ogc-role"] = "primary-geometry" },
                var type => new System.Text.Json.Nodes.JsonObject { ["title"] = queryable.Name, ["type"] = type },
            };
        }

        var schema = new System.Text.Json.Nodes.JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"{root}/collections/{collection.Id}/queryables",
            ["type"] = "object",
            ["title"] = collection.Title,
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        return TypedResults.Text(schema.ToJsonString(), "application/schema+json", Encoding.UTF8);
    }
}
