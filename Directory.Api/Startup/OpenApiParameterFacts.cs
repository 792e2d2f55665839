using System.Globalization;
using System.Text.Json.Nodes;
using Directory.Api.Common;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Directory.Api.Startup;

/// <summary>
/// Ranges and examples of the query parameters for the OpenAPI documents. The handlers take them as strings, to
/// answer a wrong value with a German problem that names it; for clients they are numbers with ranges, and this
/// transformer says so, in one place, with the maxima from <see cref="QueryLimits"/> that the handlers check.
/// </summary>
public static class OpenApiParameterFacts
{
    private sealed record Fact(JsonSchemaType Type, string? Minimum, JsonNode Example, string? Pattern = null);

    private static readonly Dictionary<string, Fact> Facts = new()
    {
        ["lat"] = new(JsonSchemaType.Number, "-90", JsonValue.Create(50.9413)),
        ["lon"] = new(JsonSchemaType.Number, "-180", JsonValue.Create(6.9583)),
        ["radiusKm"] = new(JsonSchemaType.Number, "0", JsonValue.Create(25)),
        ["limit"] = new(JsonSchemaType.Integer, "1", JsonValue.Create(10)),
        ["id"] = new(JsonSchemaType.Integer, "1", JsonValue.Create(1)),
        ["plz"] = new(JsonSchemaType.String, null, JsonValue.Create("57462"), "^[0-9]{5}$"),
        ["key"] = new(JsonSchemaType.String, null, JsonValue.Create("05315000"), "^05[0-9]{1,6}$"),
        ["within"] = new(JsonSchemaType.String, null, JsonValue.Create("05966"), "^05[0-9]{1,6}$"),
        ["place"] = new(JsonSchemaType.String, null, JsonValue.Create("Olpe")),
        ["q"] = new(JsonSchemaType.String, null, JsonValue.Create("Mue")),
        ["level"] = new(JsonSchemaType.String, null, JsonValue.Create("gemeinde")),
        ["format"] = new(JsonSchemaType.String, null, JsonValue.Create("csv")),
        ["minutes"] = new(JsonSchemaType.Integer, "0", JsonValue.Create(15)),
        ["mode"] = new(JsonSchemaType.String, null, JsonValue.Create("car"), "^(car|foot)$"),
    };

    /// <summary>Adds types, ranges, patterns and examples to the known parameters of each operation.</summary>
    public static Task ApplyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var limits = context.ApplicationServices.GetRequiredService<IOptions<QueryLimits>>().Value;
        var path = context.Description.RelativePath ?? "";
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is null || !Facts.TryGetValue(parameter.Name, out var fact))
            {
                continue;
            }

            var planning = path.StartsWith("api/planning", StringComparison.Ordinal);
            var coverage = planning || path.StartsWith("api/coverage", StringComparison.Ordinal);
            int? maximum = (parameter.Name, path) switch
            {
                ("lat", _) => 90,
                ("lon", _) => 180,
                ("radiusKm", _) => planning ? limits.PlanningRadiusKm : coverage ? limits.CoverageRadiusKm : limits.SearchRadiusKm,
                ("minutes", _) => planning ? limits.PlanningMinutes : limits.CoverageMinutes,
                ("limit", "api/places") => limits.PlaceSuggestions,
                ("limit", _) when path.StartsWith("ogc/", StringComparison.Ordinal) => limits.OgcItems,
                ("limit", _) => limits.SearchResults,
                _ => null,
            };
            int? maxLength = parameter.Name is "place" or "q" ? limits.PlaceTextLength : null;
            // Coverage takes whole kilometres (docs/security.md: finer radii would help to locate hidden entries).
            var type = parameter.Name == "radiusKm" && coverage ? JsonSchemaType.Integer : fact.Type;
            parameter.Schema = new OpenApiSchema
            {
                Type = type,
                Minimum = fact.Minimum,
                Maximum = maximum?.ToString(CultureInfo.InvariantCulture),
                MaxLength = maxLength,
                Pattern = fact.Pattern,
            };
            parameter.Example = fact.Example.DeepClone();
        }

        return Task.CompletedTask;
    }
}
