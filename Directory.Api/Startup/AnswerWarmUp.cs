using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Directory.Api.Search;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Directory.Api.Startup;

/// <summary>
/// Prepares the JSON writing of the answers a citizen's first visit asks for (a search, the autocomplete)
/// while the snapshot loads, instead of in the first request: building the serialiser's metadata for the answer
/// types by reflection took 60–90 ms of that request on a 2-core machine (docs/performance.md).
/// </summary>
public static class AnswerWarmUp
{
    /// <summary>Starts the preparation in the background.</summary>
    public static void Start(IServiceProvider services) => _ = Task.Run(() =>
    {
        var options = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        services.GetRequiredService<NearbyAnswerWriter>();
        Prepare(options, typeof(List<PlaceSuggestion>), []);
    });

    // The type and every type reachable through its properties and elements: the same options instance, and so the
    // same metadata cache, that the endpoints write with.
    private static void Prepare(JsonSerializerOptions options, Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type) || type.IsPrimitive || type == typeof(string))
        {
            return;
        }

        var info = options.GetTypeInfo(type);
        foreach (var property in info.Properties)
        {
            Prepare(options, property.PropertyType, seen);
        }

        if (info.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary && info.ElementType is { } element)
        {
            Prepare(options, element, seen);
        }
    }
}
