using System.Globalization;
using System.Text.Json;
using Directory.Core.Texts;

namespace Directory.Core.Geography;

/// <summary>
/// Reads typed values out of a GeoJSON feature's properties and reports each missing or mistyped one as an
/// <see cref="ImportProblem"/> naming the file, the feature and the property.
/// </summary>
internal sealed class FeaturePropertyReader(string fileName, GeoJsonFeature feature, List<ImportProblem> problems)
{
    public string FileName => fileName;

    public string Location => feature.Label;

    public void Report(string? property, string message) =>
        problems.Add(new ImportProblem(fileName, feature.Label, property, message));

    public string? String(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            Report(name, string.Format(ImportTexts.PropertyWrongType, ImportTexts.TypeText, Describe(value)));
            return null;
        }

        return value.GetString()!.Trim();
    }

    public int? Int(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < 0)
        {
            Report(name, string.Format(ImportTexts.PropertyWrongType, ImportTexts.TypeWholeNumber, Describe(value)));
            return null;
        }

        return number;
    }

    public double? Double(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number) || number < 0)
        {
            Report(name, string.Format(ImportTexts.PropertyWrongType, ImportTexts.TypeNumber, Describe(value)));
            return null;
        }

        return number;
    }

    public DateOnly? Date(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Report(name, string.Format(ImportTexts.PropertyWrongType, ImportTexts.TypeIsoDate, text));
            return null;
        }

        return date;
    }

    private bool TryGet(string name, out JsonElement value)
    {
        if (feature.Properties.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        Report(name, ImportTexts.PropertyMissing);
        return false;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "„" + value.GetString() + "“",
        _ => value.GetRawText(),
    };
}
