using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Directory.Api.Startup;

/// <summary>
/// Ranges and examples of the query parameters for the OpenAPI document. The handlers take them as strings, to
/// answer a wrong value with a German problem that names it; for clients they are numbers with ranges, and this
/// transformer says so, in one place.
/// </summary>
public static class OpenApiParameterFacts
{
    private sealed record Fact(JsonSchemaType Type, string? Minimum, string? Maximum, JsonNode Example, string? Pattern = null);

    private static readonly Dictionary<string, Fact> Facts = new()
    {
        ["lat"] = new(JsonSchemaType.Number, "-90", "90", JsonValue.Create(50.9413)),
        ["lon"] = new(JsonSchemaType.Number, "-180", "180", JsonValue.Create(6.9583)),
        ["radiusKm"] = new(JsonSchemaType.Number, "0", "200", JsonValue.Create(25)),
        ["limit"] = new(JsonSchemaType.Integer, "1", "100", JsonValue.Create(10)),
        ["id"] = new(JsonSchemaType.Integer, "1", null, JsonValue.Create(1)),
        ["plz"] = new(JsonSchemaType.String, null, null, JsonValue.Create("57462"), "^[0-9]{5}$"),
        ["key"] = new(JsonSchemaType.String, null, null, JsonValue.Create("05315000"), "^05[0-9]{1,6}$"),
        ["within"] = new(JsonSchemaType.String, null, null, JsonValue.Create("05966"), "^05[0-9]{1,6}$"),
        ["place"] = new(JsonSchemaType.String, null, null, JsonValue.Create("Olpe")),
        ["q"] = new(JsonSchemaType.String, null, null, JsonValue.Create("Mue")),
        ["level"] = new(JsonSchemaType.String, null, null, JsonValue.Create("gemeinde")),
        ["format"] = new(JsonSchemaType.String, null, null, JsonValue.Create("csv")),
    };

    /// <summary>Adds types, ranges, patterns and examples to the known parameters of each operation.</summary>
    public static Task ApplyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is null || !Facts.TryGetValue(parameter.Name, out var fact))
            {
                continue;
            }

            var path = context.Description.RelativePath ?? "";
            var maximum = parameter.Name != "limit" ? fact.Maximum
                : path == "api/places" ? "20"
                : path.StartsWith("ogc/", StringComparison.Ordinal) ? "10000"
                : fact.Maximum;
            // Coverage takes whole kilometres (docs/security.md: finer radii would help to locate hidden entries).
            var type = parameter.Name == "radiusKm" && path.StartsWith("api/coverage", StringComparison.Ordinal) ? JsonSchemaType.Integer : fact.Type;
            parameter.Schema = new OpenApiSchema { Type = type, Minimum = fact.Minimum, Maximum = maximum, Pattern = fact.Pattern };
            parameter.Example = fact.Example.DeepClone();
        }

        return Task.CompletedTask;
    }
}
