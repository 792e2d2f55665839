using System.IO.Pipelines;
using System.Reflection;
using System.Text.Json;
using Directory.Core.Geography;
using Directory.Core.Snapshot;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Directory.Api.Search;

/// <summary>
/// The answer of <c>/api/managers/nearby</c>, written straight from the snapshot's public records in the shape of
/// <see cref="NearbyResponse"/>, which the OpenAPI document describes; the one hand-written JSON writer of the
/// service, its names taken from those records. Issue 20 tried the serialiser with build-time metadata
/// (<see cref="SearchJsonContext"/>): building the records and writing them cost 21–24 % of nearby's throughput in
/// an interleaved A/B run, over the 10 % (docs/performance.md); the serialiser's generated fast path cannot be
/// used because the HTTP JSON options carry converters. <c>NearbyJsonTests</c> holds the bytes to the serialiser's
/// for the record of the same answer.
/// </summary>
public sealed class NearbyAnswer(
    SearchOrigin origin, Region municipality, Region district, string? coveredBy, double radiusKm, int limit, string distance,
    bool outsideRadius, IReadOnlyList<NearbyManager> results, IReadOnlyList<TravelMinutes>? travel, ServedSnapshot snapshot)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    /// <inheritdoc/>
    public int? StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc/>
    public string ContentType => "application/json; charset=utf-8";

    /// <inheritdoc/>
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        httpContext.RequestServices.GetRequiredService<NearbyAnswerWriter>().Write(response.BodyWriter, this);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>Documents the answer as <see cref="NearbyResponse"/>, as <c>Ok&lt;NearbyResponse&gt;</c> would.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(NearbyResponse), ["application/json"]));

    internal SearchOrigin Origin => origin;

    internal Region Municipality => municipality;

    internal Region District => district;

    internal string? CoveredBy => coveredBy;

    internal double RadiusKm => radiusKm;

    internal int Limit => limit;

    internal string Distance => distance;

    internal bool OutsideRadius => outsideRadius;

    internal IReadOnlyList<NearbyManager> Results => results;

    internal IReadOnlyList<TravelMinutes>? Travel => travel;

    internal ServedSnapshot Snapshot => snapshot;
}

/// <summary>
/// Writes <see cref="NearbyAnswer"/>s with the HTTP JSON options: their encoder, and the property and enum names their
/// naming policy and converters give, worked out once.
/// </summary>
public sealed class NearbyAnswerWriter
{
    private readonly JsonWriterOptions writerOptions;
    private readonly Dictionary<RegionLevel, JsonEncodedText> levels;
    private readonly JsonEncodedText origin, name, kind, lat, lon, gemeinde, key, kreis, level, hasManager, coveredBy, radiusKm,
        limit, distance, outsideRadius, count, results, manager, distanceM, id, organisation, area, address, street, postcode,
        town, contact, email, phone, website, location, approximate, familyContact, lastChecked, gemeindeLevel, kreisLevel,
        travelMinutes, car, foot, straightLine;

    /// <summary>Works out the names from the options the endpoints write with.</summary>
    public NearbyAnswerWriter(IOptions<JsonOptions> jsonOptions)
    {
        var options = jsonOptions.Value.SerializerOptions;
        writerOptions = new JsonWriterOptions
        {
            Encoder = options.Encoder, Indented = options.WriteIndented, IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize, NewLine = options.NewLine, MaxDepth = options.MaxDepth, SkipValidation = true,
        };
        JsonEncodedText Name(string property) => JsonEncodedText.Encode(options.PropertyNamingPolicy?.ConvertName(property) ?? property, options.Encoder);
        JsonEncodedText Text(string value) => JsonEncodedText.Encode(value, options.Encoder);
        levels = Enum.GetValues<RegionLevel>().ToDictionary(l => l, l => Text(JsonSerializer.SerializeToElement(l, options).GetString()!));
        (origin, name, kind, lat, lon) = (Name(nameof(NearbyResponse.Origin)), Name(nameof(SearchOrigin.Name)), Name(nameof(SearchOrigin.Kind)),
            Name(nameof(SearchOrigin.Lat)), Name(nameof(SearchOrigin.Lon)));
        (gemeinde, key, kreis, level, hasManager, coveredBy) = (Name(nameof(NearbyResponse.Gemeinde)), Name(nameof(OriginMunicipality.Key)),
            Name(nameof(OriginMunicipality.Kreis)), Name(nameof(Regions.RegionReference.Level)), Name(nameof(OriginMunicipality.HasManager)),
            Name(nameof(OriginMunicipality.CoveredBy)));
        (radiusKm, limit, distance, outsideRadius, count, results) = (Name(nameof(NearbyResponse.RadiusKm)), Name(nameof(NearbyResponse.Limit)),
            Name(nameof(NearbyResponse.Distance)), Name(nameof(NearbyResponse.OutsideRadius)), Name(nameof(NearbyResponse.Count)),
            Name(nameof(NearbyResponse.Results)));
        (manager, distanceM, id, organisation, area, address) = (Name(nameof(NearbyResult.Manager)), Name(nameof(NearbyResult.DistanceM)),
            Name(nameof(Managers.ManagerResponse.Id)), Name(nameof(Managers.ManagerResponse.Organisation)), Name(nameof(Managers.ManagerResponse.Area)),
            Name(nameof(Managers.ManagerResponse.Address)));
        (street, postcode, town) = (Name(nameof(Managers.ManagerAddress.Street)), Name(nameof(Managers.ManagerAddress.Postcode)),
            Name(nameof(Managers.ManagerAddress.Town)));
        (contact, email, phone, website) = (Name(nameof(Managers.ManagerResponse.Contact)), Name(nameof(Managers.ManagerContact.Email)),
            Name(nameof(Managers.ManagerContact.Phone)), Name(nameof(Managers.ManagerContact.Website)));
        (location, approximate) = (Name(nameof(Managers.ManagerResponse.Location)), Name(nameof(Managers.ManagerLocation.Approximate)));
        (familyContact, lastChecked) = (Name(nameof(Managers.ManagerResponse.FamilyContact)), Name(nameof(Managers.ManagerResponse.LastChecked)));
        (gemeindeLevel, kreisLevel) = (Text(Managers.ManagersEndpoints.GemeindeLevel), Text(Managers.ManagersEndpoints.KreisLevel));
        (travelMinutes, car, foot, straightLine) = (Name(nameof(NearbyResult.TravelMinutes)), Name(nameof(TravelMinutes.Car)),
            Name(nameof(TravelMinutes.Foot)), Name(nameof(TravelMinutes.StraightLine)));
    }

    /// <summary>Writes <paramref name="answer"/> into <paramref name="body"/> (without flushing the pipe).</summary>
    public void Write(PipeWriter body, NearbyAnswer answer)
    {
        using var json = new Utf8JsonWriter(body, writerOptions);
        Write(json, answer);
    }

    /// <summary>Writes <paramref name="answer"/> as one JSON object, property by property as the records declare them.</summary>
    public void Write(Utf8JsonWriter json, NearbyAnswer answer)
    {
        json.WriteStartObject();
        json.WriteStartObject(origin);
        json.WriteString(name, answer.Origin.Name);
        json.WriteString(kind, answer.Origin.Kind);
        json.WriteNumber(lat, answer.Origin.Lat);
        json.WriteNumber(lon, answer.Origin.Lon);
        json.WriteEndObject();

        json.WriteStartObject(gemeinde);
        json.WriteString(key, answer.Municipality.Key);
        json.WriteString(name, answer.Municipality.Name);
        json.WriteStartObject(kreis);
        json.WriteString(key, answer.District.Key);
        json.WriteString(name, answer.District.Name);
        json.WriteString(level, levels[answer.District.Level]);
        json.WriteEndObject();
        json.WriteBoolean(hasManager, answer.CoveredBy is not null);
        WriteStringOrNull(json, coveredBy, answer.CoveredBy);
        json.WriteEndObject();

        json.WriteNumber(radiusKm, answer.RadiusKm);
        json.WriteNumber(limit, answer.Limit);
        json.WriteString(distance, answer.Distance);
        json.WriteBoolean(outsideRadius, answer.OutsideRadius);
        json.WriteNumber(count, answer.Results.Count);
        json.WriteStartArray(results);
        for (var i = 0; i < answer.Results.Count; i++)
        {
            var result = answer.Results[i];
            json.WriteStartObject();
            WriteManager(json, result.Manager, answer.Snapshot);
            json.WriteNumber(distanceM, (long)Math.Round(result.DistanceMetres));
            if (answer.Travel?[i] is { } travel)
            {
                json.WriteStartObject(travelMinutes);
                json.WriteNumber(car, travel.Car);
                json.WriteNumber(foot, travel.Foot);
                json.WriteStartArray(straightLine);
                foreach (var mode in travel.StraightLine)
                {
                    json.WriteStringValue(mode);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull(travelMinutes);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // The fields of ManagersEndpoints.ToResponse, in the order ManagerResponse declares them.
    private void WriteManager(Utf8JsonWriter json, Core.Managers.PublicFamilyManager entry, ServedSnapshot snapshot)
    {
        json.WriteStartObject(manager);
        json.WriteNumber(id, entry.Id);
        json.WriteString(name, entry.DisplayName);
        WriteStringOrNull(json, organisation, entry.Organisation);

        json.WriteStartObject(area);
        json.WriteString(key, entry.AreaKey);
        json.WriteString(name, Managers.ManagersEndpoints.AreaName(entry, snapshot));
        json.WriteString(level, Core.Geography.RegionKey.IsGemeinde(entry.AreaKey) ? gemeindeLevel : kreisLevel);
        json.WriteEndObject();

        json.WriteStartObject(address);
        WriteStringOrNull(json, street, entry.Street);
        WriteStringOrNull(json, postcode, entry.Postcode);
        WriteStringOrNull(json, town, entry.Town);
        json.WriteEndObject();

        json.WriteStartObject(contact);
        WriteStringOrNull(json, email, entry.Email);
        WriteStringOrNull(json, phone, entry.Phone);
        WriteStringOrNull(json, website, entry.Website);
        json.WriteEndObject();

        json.WriteStartObject(location);
        json.WriteNumber(lat, entry.Latitude);
        json.WriteNumber(lon, entry.Longitude);
        json.WriteBoolean(approximate, entry.IsApproximate);
        json.WriteEndObject();
        if (entry.FamilyContact is { } isContact)
        {
            json.WriteBoolean(familyContact, isContact);
        }
        else
        {
            json.WriteNull(familyContact);
        }

        WriteStringOrNull(json, lastChecked, entry.LastChecked?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, JsonEncodedText property, string? value)
    {
        if (value is null)
        {
            json.WriteNull(property);
        }
        else
        {
            json.WriteString(property, value);
        }
    }
}
