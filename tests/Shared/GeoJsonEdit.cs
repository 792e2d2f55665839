using System.Text.Json.Nodes;

namespace Directory.Testing;

/// <summary>Changes a copy of a real GeoJSON file, to make the bad inputs the import must reject.</summary>
internal static class GeoJsonEdit
{
    /// <summary>Loads <paramref name="path"/>, applies <paramref name="change"/> to the root, writes it back.</summary>
    public static void Change(string path, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        change(root);
        File.WriteAllText(path, root.ToJsonString());
    }

    /// <summary>The feature whose <c>properties.ags</c> (or kreis_ags) is <paramref name="key"/>.</summary>
    public static JsonObject Feature(JsonObject root, string key) =>
        root["features"]!.AsArray()
            .Select(f => f!.AsObject())
            .Single(f => (string?)f["properties"]!["ags"] == key
                         || ((string?)f["properties"]!["ags"] is null && (string?)f["properties"]!["kreis_ags"] == key));

    /// <summary>The 1-based position of the feature with this key, as reports count.</summary>
    public static int Position(JsonObject root, string key) =>
        root["features"]!.AsArray().IndexOf(Feature(root, key)) + 1;
}
