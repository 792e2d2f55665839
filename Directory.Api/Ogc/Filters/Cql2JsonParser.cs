using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Directory.Api.Ogc.Filters;

/// <summary>
/// CQL2 JSON (cql2.json of CQL2 1.0, for the classes we implement) to the same <see cref="Cql2Expression"/> as the
/// text; an error names its place as a path ("args[1]").
/// </summary>
public static class Cql2JsonParser
{
    // One factory for the boxes (making one per filter cost more than the rest of a small filter's parse).
    private static readonly GeometryFactory Flat = new();

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>
    /// Parses <paramref name="json"/> within <paramref name="limits"/> (the defaults without); throws
    /// <see cref="Cql2Exception"/> naming where it is wrong.
    /// </summary>
    public static Cql2Expression Read(string json, Cql2Limits? limits = null)
    {
        limits ??= Cql2Limits.Default;
        // Before the reader: the expression is read by recursion, one level per object and list.
        limits.CheckText(json, json: true);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = limits.JsonDepth + 1 });
        }
        catch (JsonException exception)
        {
            throw new Cql2Exception(Texts.ApiTexts.Cql2JsonInvalid, string.Format(Texts.ApiTexts.Cql2JsonPosition, exception.LineNumber + 1, exception.BytePositionInLine + 1));
        }

        var expression = Boolean(node, "$");
        limits.CheckSize(expression);
        return expression;
    }

    private static Cql2Exception Error(string message, string path) => new(message, path);

    private static Cql2Expression Boolean(JsonNode? node, string path)
    {
        if (node is JsonValue value && value.TryGetValue<bool>(out var literal))
        {
            return new Cql2Literal(literal);
        }

        if (node is not JsonObject obj || obj["op"] is not JsonValue opValue || !opValue.TryGetValue<string>(out var op))
        {
            throw Error(Texts.ApiTexts.Cql2JsonExpressionExpected, path);
        }

        if (obj["args"] is not JsonArray args)
        {
            throw Error(Texts.ApiTexts.Cql2JsonArgsMissing, path);
        }

        string At(int i) => $"{path}.args[{i}]";
        void Count(int expected)
        {
            if (args.Count != expected)
            {
                throw Error(string.Format(Texts.ApiTexts.Cql2JsonArgumentCount, op, expected, args.Count), path);
            }
        }

        switch (op.ToLowerInvariant())
        {
            case "and" or "or":
                if (args.Count < 2)
                {
                    throw Error(string.Format(Texts.ApiTexts.Cql2JsonTwoArguments, op), path);
                }

                return new Cql2Logical(op.ToLowerInvariant(), [.. args.Select((a, i) => Boolean(a, At(i)))]);
            case "not":
                Count(1);
                return new Cql2Not(Boolean(args[0], At(0)));
            case "=" or "<>" or "<" or ">" or "<=" or ">=":
                Count(2);
                return new Cql2Comparison(op, Scalar(args[0], At(0)), Scalar(args[1], At(1)));
            case "like":
                Count(2);
                return new Cql2Like(Scalar(args[0], At(0)), Scalar(args[1], At(1)));
            case "between":
                Count(3);
                return new Cql2Between(Scalar(args[0], At(0)), Scalar(args[1], At(1)), Scalar(args[2], At(2)));
            case "in":
                Count(2);
                if (args[1] is not JsonArray list)
                {
                    throw Error(Texts.ApiTexts.Cql2JsonInNeedsList, At(1));
                }

                return new Cql2In(Scalar(args[0], At(0)), [.. list.Select((item, i) => Scalar(item, $"{At(1)}[{i}]"))]);
            case "isnull":
                Count(1);
                return new Cql2IsNull(Scalar(args[0], At(0)));
            case "s_intersects":
                Count(2);
                return new Cql2Intersects(Spatial(args[0], At(0)), Spatial(args[1], At(1)));
            default:
                throw Error(string.Format(Texts.ApiTexts.Cql2JsonUnsupported, op), path);
        }
    }

    private static Cql2Expression Scalar(JsonNode? node, string path) => node switch
    {
        JsonObject obj when obj["property"] is JsonValue name && name.TryGetValue<string>(out var property) => new Cql2Property(property),
        JsonValue value when value.TryGetValue<string>(out var text) => new Cql2Literal(text),
        JsonValue value when value.TryGetValue<bool>(out var flag) => new Cql2Literal(flag),
        JsonValue value when value.TryGetValue<double>(out var number) => new Cql2Literal(number),
        _ => throw Error(Texts.ApiTexts.Cql2JsonScalarExpected, path),
    };

    private static Cql2Expression Spatial(JsonNode? node, string path)
    {
        if (node is JsonObject obj && obj["property"] is not null)
        {
            return Scalar(node, path);
        }

        if (node is JsonObject box && box["bbox"] is JsonArray numbers)
        {
            // Each item a finite number: a text or null is an error here, not an exception of the reader.
            var n = numbers.Select(v => v is JsonValue item && item.TryGetValue<double>(out var number) && double.IsFinite(number) ? number : double.NaN).ToArray();
            return n.Length switch
            {
                _ when n.Any(double.IsNaN) => throw Error(Texts.ApiTexts.FilterBboxNumbers, path),
                4 => new Cql2Geometry(Flat.ToGeometry(new Envelope(n[0], n[2], n[1], n[3]))),
                6 => new Cql2Geometry(Flat.ToGeometry(new Envelope(n[0], n[3], n[1], n[4]))),
                _ => throw Error(Texts.ApiTexts.FilterBboxNumbers, path),
            };
        }

        if (node is JsonObject geometry && geometry["type"] is not null)
        {
            try
            {
                return new Cql2Geometry(geometry.Deserialize<Geometry>(GeoJson) ?? throw new JsonException());
            }
            // The GeoJSON reader and the geometry's constructors throw several kinds (a ring of three points, a number
            // where a list belongs): any of them is a wrong geometry in the filter, never a fault of the service.
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                throw Error(Texts.ApiTexts.Cql2JsonGeometryInvalid, path);
            }
        }

        throw Error(Texts.ApiTexts.Cql2JsonSpatialExpected, path);
    }
}
