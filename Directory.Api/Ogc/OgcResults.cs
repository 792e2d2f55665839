using Microsoft.AspNetCore.Http.HttpResults;

namespace Directory.Api.Ogc;

/// <summary>How the OGC handlers answer: JSON and GeoJSON through the service's serializer, HTML through a page's template.</summary>
internal static class OgcResults
{
    internal static OgcFeatureDocument Feature(OgcFeature feature, OgcCrs crs) =>
        new("Feature", feature.Id, OgcCrsUris.GeometryIn(feature, crs), feature.Properties);

    // Through the service's HTTP JSON options: their encoder (umlauts as they are), naming and the GeoJSON converter.
    internal static JsonHttpResult<T> Json<T>(T value) => TypedResults.Json(value, contentType: "application/json");

    internal static IResult GeoJson<T>(T value, OgcCrs crs) =>
        new ContentCrsResult(TypedResults.Json(value, contentType: "application/geo+json"), OgcCrsUris.Uri(crs));

    internal static RazorComponentResult<TPage> Page<TPage>(object model)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new(new Dictionary<string, object?> { ["Model"] = model }) { ContentType = "text/html; charset=utf-8" };

    /// <summary>Adds the Part 2 <c>Content-Crs</c> header to a result.</summary>
    private sealed class ContentCrsResult(IResult inner, string crsUri) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers["Content-Crs"] = $"<{crsUri}>";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
