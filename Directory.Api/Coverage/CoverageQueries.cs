using System.ComponentModel;
using System.Globalization;
using Directory.Api.Common;
using Directory.Api.Texts;
using Microsoft.AspNetCore.Mvc;

namespace Directory.Api.Coverage;

/// <summary>The query of <c>/api/coverage</c> as given (<c>[AsParameters]</c>); <see cref="Check"/> holds its rules.</summary>
public sealed record CoverageQuery(
    [property: FromQuery(Name = "level"), Description("gemeinde, kreis (default), regierungsbezirk or land.")] string? Level,
    [property: FromQuery(Name = "radiusKm"), Description("Radius for the reach measure in whole km, from 0; default 10.")] string? RadiusKm,
    [property: FromQuery(Name = "within"), Description("Only regions inside this Kreis or Regierungsbezirk (key), e.g. 05966.")] string? Within,
    [property: FromQuery(Name = "format"), Description("json (default), csv (semicolon, decimal comma, UTF-8 with BOM) or geojson.")] string? Format,
    [property: FromQuery(Name = "date"), Description("YYYY-MM-DD from 2000-01-01 to today: only the entries certified on or before that day (and active today); the population stays today's.")] string? Date,
    [property: FromQuery(Name = "minutes"), Description("Reach in whole minutes of travel over the road network instead of radiusKm (only when a road network is imported).")] string? Minutes = null,
    [property: FromQuery(Name = "mode"), Description("With minutes: car (default) or foot.")] string? Mode = null)
{
    /// <summary>The levels an answer can list.</summary>
    public static readonly string[] Levels = ["gemeinde", "kreis", "regierungsbezirk", "land"];

    /// <summary>
    /// The level, radius, format and date, with every problem in <paramref name="errors"/>; <see cref="Within"/> needs
    /// the snapshot and is the endpoint's.
    /// </summary>
    public (string Level, int RadiusKm, string Format, DateOnly? Date) Check(QueryLimits limits, DateOnly today, Dictionary<string, string[]> errors)
    {

        var level = (Level ?? "kreis").ToLowerInvariant();
        if (!Levels.Contains(level))
        {
            errors["level"] = [string.Format(ApiTexts.CoverageLevelInvalid, Level)];
        }

        var format = (Format ?? "json").ToLowerInvariant();
        if (format is not ("json" or "csv" or "geojson"))
        {
            errors["format"] = [string.Format(ApiTexts.FormatInvalid, Format)];
        }

        return (level, CoverageRadius.Parse(RadiusKm, limits.CoverageRadiusKm, errors) ?? 0, format, QueryValues.Date(Date, "date", today, errors));
    }
}

/// <summary>The query of <c>/api/coverage/history</c> as given (<c>[AsParameters]</c>).</summary>
public sealed record HistoryQuery(
    [property: FromQuery(Name = "level"), Description("land (default), regierungsbezirk, kreis or gemeinde.")] string? Level,
    [property: FromQuery(Name = "radiusKm"), Description("Radius for the reach measure in whole km, from 0; default 10.")] string? RadiusKm,
    [property: FromQuery(Name = "within"), Description("Only regions inside this Kreis or Regierungsbezirk (key), e.g. 059.")] string? Within)
{
    /// <summary>The levels a history can list.</summary>
    public static readonly string[] Levels = ["gemeinde", "kreis", "regierungsbezirk", "land"];

    /// <summary>The level and radius, with every problem in <paramref name="errors"/>.</summary>
    public (string Level, int RadiusKm) Check(QueryLimits limits, Dictionary<string, string[]> errors)
    {
        var level = (Level ?? "land").ToLowerInvariant();
        if (!Levels.Contains(level))
        {
            errors["level"] = [string.Format(ApiTexts.HistoryLevelInvalid, Level)];
        }

        return (level, CoverageRadius.Parse(RadiusKm, limits.CoverageRadiusKm, errors) ?? 0);
    }
}

/// <summary>The query of <c>/api/coverage/gaps</c> as given (<c>[AsParameters]</c>).</summary>
public sealed record GapsQuery(
    [property: FromQuery(Name = "within"), Description("Only Gemeinden inside this Kreis or Regierungsbezirk (key).")] string? Within,
    [property: FromQuery(Name = "radiusKm"), Description("Radius for the reach measure in whole km, from 0; default 10.")] string? RadiusKm,
    [property: FromQuery(Name = "date"), Description("YYYY-MM-DD from 2000-01-01 to today: only the entries certified on or before that day.")] string? Date,
    [property: FromQuery(Name = "minutes"), Description("Reach in whole minutes of travel over the road network instead of radiusKm (only when a road network is imported).")] string? Minutes = null,
    [property: FromQuery(Name = "mode"), Description("With minutes: car (default) or foot.")] string? Mode = null);

/// <summary>
/// The coverage radius: whole kilometres from 0 to the configured largest, 10 when absent. Whole kilometres only: a
/// finer radius would let anyone search for the distance at which a grid cell enters reach, and the answers are cached
/// per radius (at most one per whole kilometre).
/// </summary>
public static class CoverageRadius
{
    /// <summary>The radius, or null with the problem in <paramref name="errors"/>.</summary>
    public static int? Parse(string? value, int largest, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return 10;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var radius) && radius <= largest)
        {
            return radius;
        }

        errors["radiusKm"] = [string.Format(ApiTexts.CoverageRadiusInvalid, largest, value)];
        return null;
    }
}

/// <summary>
/// Reach in minutes over the road network: whole minutes from 0 to the configured largest, in a mode (car by default).
/// Whole minutes for the reason <see cref="CoverageRadius"/> takes whole kilometres.
/// </summary>
public static class TravelReach
{
    /// <summary>
    /// The minutes and mode, or null when <paramref name="minutes"/> is absent; problems in <paramref name="errors"/>
    /// (minutes together with a <paramref name="radiusKm"/> too).
    /// </summary>
    public static (int Minutes, Core.Roads.TravelMode Mode)? Parse(string? minutes, string? mode, string? radiusKm, int largest,
        bool networkImported, Dictionary<string, string[]> errors)
    {
        if (minutes is not null && radiusKm is not null)
        {
            errors["minutes"] = [ApiTexts.MinutesWithRadius];
            return null;
        }

        if (minutes is null)
        {
            if (mode is not null)
            {
                errors["mode"] = [ApiTexts.ModeWithoutMinutes];
            }

            return null;
        }

        var travelMode = Core.Roads.TravelMode.Car;
        switch (mode?.ToLowerInvariant())
        {
            case null or "car":
                break;
            case "foot":
                travelMode = Core.Roads.TravelMode.Foot;
                break;
            default:
                errors["mode"] = [string.Format(ApiTexts.ModeInvalid, mode)];
                break;
        }

        if (!int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > largest)
        {
            errors["minutes"] = [string.Format(ApiTexts.MinutesInvalid, largest, minutes)];
            return null;
        }

        if (!networkImported)
        {
            errors["minutes"] = [ApiTexts.NoRoadNetwork];
            return null;
        }

        return (value, travelMode);
    }

    /// <summary>The mode's name in answers.</summary>
    public static string Name(Core.Roads.TravelMode mode) => mode == Core.Roads.TravelMode.Car ? "car" : "foot";
}
