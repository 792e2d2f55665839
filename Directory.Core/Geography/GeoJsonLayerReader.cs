using System.Text.Json;
using Directory.Core.Geo;
using Directory.Core.Texts;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Directory.Core.Geography;

/// <summary>One feature of a GeoJSON file: its position, its id, its properties and its geometry (null if unreadable).</summary>
/// <param name="Number">1-based position in the file, for reports.</param>
/// <param name="Id">The feature's <c>id</c> member, if any.</param>
/// <param name="Properties">The <c>properties</c> object (an empty object when missing).</param>
/// <param name="Geometry">The geometry in the file's CRS, with that SRID; null when missing or unreadable.</param>
public sealed record GeoJsonFeature(int Number, string? Id, JsonElement Properties, Geometry? Geometry)
{
    /// <summary>"Feature 17 (05315000)": how reports name the feature.</summary>
    public string Label => Id is null
        ? string.Format(ImportTexts.FeatureLabel, Number)
        : string.Format(ImportTexts.FeatureLabelWithId, Number, Id);
}

/// <summary>A GeoJSON FeatureCollection as read from one file.</summary>
/// <param name="FileName">The file's name, for reports.</param>
/// <param name="Srid">The CRS the file declares (its <c>crs</c> member), or 4326 as RFC 7946 prescribes.</param>
/// <param name="Features">The features in file order.</param>
public sealed record GeoJsonLayer(string FileName, int Srid, IReadOnlyList<GeoJsonFeature> Features);

/// <summary>
/// Reads GeoJSON FeatureCollections, in EPSG:4326 (RFC 7946) or in another CRS that the file names in the
/// pre-RFC 7946 <c>crs</c> member, and reports every problem with file, feature and property.
/// </summary>
public static class GeoJsonLayerReader
{
    /// <summary>
    /// Reads <paramref name="path"/>. Problems are added to <paramref name="problems"/>; the result is null when the
    /// file as a whole cannot be used (missing, not JSON, not a FeatureCollection, unsupported CRS).
    /// </summary>
    public static GeoJsonLayer? Read(string path, List<ImportProblem> problems)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            problems.Add(new ImportProblem(fileName, null, null, string.Format(ImportTexts.FileMissing, path)));
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            problems.Add(new ImportProblem(fileName, null, null,
                string.Format(ImportTexts.NotJson, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1)));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String
                || type.GetString() != "FeatureCollection"
                || !root.TryGetProperty("features", out var features)
                || features.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new ImportProblem(fileName, null, "type", ImportTexts.NotFeatureCollection));
                return null;
            }

            var srid = ReadCrs(root, fileName, problems);
            if (srid is null)
            {
                return null;
            }

            var options = new JsonSerializerOptions();
            options.Converters.Add(new GeoJsonConverterFactory(NtsGeometryServices.Instance.CreateGeometryFactory(srid.Value)));

            var result = new List<GeoJsonFeature>();
            var number = 0;
            foreach (var feature in features.EnumerateArray())
            {
                number++;
                result.Add(ReadFeature(feature, number, fileName, options, problems));
            }

            return new GeoJsonLayer(fileName, srid.Value, result);
        }
    }

    private static int? ReadCrs(JsonElement root, string fileName, List<ImportProblem> problems)
    {
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind == JsonValueKind.Null)
        {
            return Crs.Wgs84;
        }

        // The 2008 GeoJSON spec's named CRS: { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::25832" } }
        var name = crs.ValueKind == JsonValueKind.Object
                   && crs.TryGetProperty("properties", out var properties)
                   && properties.ValueKind == JsonValueKind.Object
                   && properties.TryGetProperty("name", out var nameElement)
                   && nameElement.ValueKind == JsonValueKind.String
            ? nameElement.GetString()!
            : crs.GetRawText();
        var srid = Crs.ParseEpsgCode(name);
        if (srid is null || !Reprojector.IsSupported(srid.Value))
        {
            problems.Add(new ImportProblem(fileName, null, "crs", string.Format(ImportTexts.UnsupportedCrs, name)));
            return null;
        }

        return srid;
    }

    private static GeoJsonFeature ReadFeature(JsonElement feature, int number, string fileName,
        JsonSerializerOptions options, List<ImportProblem> problems)
    {
        using var empty = JsonDocument.Parse("{}");
        if (feature.ValueKind != JsonValueKind.Object)
        {
            var invalid = new GeoJsonFeature(number, null, empty.RootElement.Clone(), null);
            problems.Add(new ImportProblem(fileName, invalid.Label, null, ImportTexts.FeatureNotObject));
            return invalid;
        }

        string? id = null;
        if (feature.TryGetProperty("id", out var idElement))
        {
            id = idElement.ValueKind switch
            {
                JsonValueKind.String => idElement.GetString(),
                JsonValueKind.Number => idElement.GetRawText(),
                _ => null,
            };
        }

        var properties = feature.TryGetProperty("properties", out var propertiesElement)
                         && propertiesElement.ValueKind == JsonValueKind.Object
            ? propertiesElement.Clone()
            : empty.RootElement.Clone();

        var label = new GeoJsonFeature(number, id, properties, null).Label;
        if (!feature.TryGetProperty("geometry", out var geometryElement) || geometryElement.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new ImportProblem(fileName, label, "geometry", ImportTexts.GeometryMissing));
            return new GeoJsonFeature(number, id, properties, null);
        }

        try
        {
            var geometry = geometryElement.Deserialize<Geometry>(options);
            return new GeoJsonFeature(number, id, properties, geometry);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            problems.Add(new ImportProblem(fileName, label, "geometry", string.Format(ImportTexts.GeometryUnreadable, ex.Message)));
            return new GeoJsonFeature(number, id, properties, null);
        }
    }
}
