using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Directory.Core.Managers.Lists;

/// <summary>
/// The report of a list import as JSON: the CLI's <c>--report FILE.json</c>, the copy kept with each history entry
/// and the staff area's preview all use this one form.
/// </summary>
public static class ListReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // German letters stay readable in the file; markup characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // The report's lists are get-only properties: fill them instead of skipping them.
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
    };

    /// <summary>Serialises <paramref name="report"/>.</summary>
    public static string Serialize(ListImportReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Reads a report written by <see cref="Serialize"/>.</summary>
    public static ListImportReport Deserialize(string json) =>
        JsonSerializer.Deserialize<ListImportReport>(json, Options)
        ?? throw new JsonException("The stored report is empty.");
}
