using System.ComponentModel;
using System.Globalization;
using Directory.Api.Common;
using Directory.Api.Texts;
using Microsoft.AspNetCore.Mvc;

namespace Directory.Api.Search;

/// <summary>
/// The query of <c>/api/managers/nearby</c> as given (<c>[AsParameters]</c>): texts, so that a wrong value gets a
/// German problem that names it instead of binding's bare 400. <see cref="Check"/> holds its rules.
/// </summary>
public sealed record NearbyQuery(
    [property: FromQuery(Name = "lat"), Description("Latitude of the origin in WGS84 degrees (with lon; or give plz or place instead).")] string? Lat,
    [property: FromQuery(Name = "lon"), Description("Longitude of the origin in WGS84 degrees.")] string? Lon,
    [property: FromQuery(Name = "plz"), Description("A 5-digit postcode in NRW as origin, e.g. 57462.")] string? Plz,
    [property: FromQuery(Name = "place"), Description("A place or municipality name as origin (umlauts forgiven), e.g. Olpe.")] string? Place,
    [property: FromQuery(Name = "radiusKm"), Description("Search radius in km, above 0; default 25.")] string? RadiusKm,
    [property: FromQuery(Name = "limit"), Description("Most results; default 10.")] string? Limit)
{
    /// <summary>
    /// The radius and the number of results, with every problem of the query (a number out of range, no origin or
    /// more than one) in <paramref name="errors"/>; where the origin is needs the snapshot and is the endpoint's.
    /// </summary>
    public (double RadiusKm, int Limit)? Check(QueryLimits limits, Dictionary<string, string[]> errors)
    {
        var radius = QueryValues.PositiveNumber(RadiusKm, "radiusKm", 25, limits.SearchRadiusKm, errors);
        var count = QueryValues.WholeNumber(Limit, "limit", 10, limits.SearchResults, errors);
        var given = new[] { Lat is not null || Lon is not null, Plz is not null, Place is not null }.Count(g => g);
        if (given == 0)
        {
            errors["place"] = [ApiTexts.OriginMissing];
        }
        else if (given > 1)
        {
            foreach (var parameter in new[] { ("lat", Lat), ("plz", Plz), ("place", Place) }.Where(p => p.Item2 is not null).Select(p => p.Item1))
            {
                errors[parameter] = [ApiTexts.OriginAmbiguous];
            }
        }

        return errors.Count == 0 ? (radius!.Value, count!.Value) : null;
    }
}

/// <summary>The query of <c>/api/places</c> as given (<c>[AsParameters]</c>); <see cref="Check"/> holds its rules.</summary>
public sealed record PlacesQuery(
    [property: FromQuery(Name = "q"), Description("The typed prefix, at least 2 characters; digits complete postcodes.")] string? Q,
    [property: FromQuery(Name = "limit"), Description("Most suggestions; default 10.")] string? Limit)
{
    /// <summary>
    /// The prefix and the number of suggestions (an unreadable limit is the default, a large one the largest: the
    /// autocomplete asks as the user types); a prefix longer than any name is named in <paramref name="errors"/>.
    /// </summary>
    public (string Prefix, int Limit)? Check(QueryLimits limits, Dictionary<string, string[]> errors)
    {
        if (Q is not null && Q.Length > limits.PlaceTextLength)
        {
            errors["q"] = [string.Format(ApiTexts.TextTooLong, limits.PlaceTextLength, Q.Length)];
            return null;
        }

        var count = int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, limits.PlaceSuggestions) : 10;
        return (Q ?? "", count);
    }
}
