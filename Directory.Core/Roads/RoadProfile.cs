using System.Globalization;

namespace Directory.Core.Roads;

/// <summary>What a way of OpenStreetMap allows: by car in each direction (speed, 0 = not), and on foot.</summary>
/// <param name="CarForwardKmh">Speed by car in the way's direction; 0 where cars may not go that way.</param>
/// <param name="CarBackwardKmh">Speed by car against it.</param>
/// <param name="Foot">Whether people may walk it.</param>
public readonly record struct RoadAccess(byte CarForwardKmh, byte CarBackwardKmh, bool Foot)
{
    /// <summary>Neither cars nor walkers: not part of the network.</summary>
    public bool IsRoad => CarForwardKmh > 0 || CarBackwardKmh > 0 || Foot;
}

/// <summary>
/// Which ways of OpenStreetMap form the network and how fast one travels on them: the car on motorways down to
/// residential streets and service roads, at the signed <c>maxspeed</c> or a speed by road class (German defaults,
/// a little below the limit, as the federal accessibility atlases assume), one-way streets respected; walkers on
/// footways, paths, pedestrian zones, steps, tracks and every street without a walking ban, at
/// <see cref="RoadNetwork.WalkingKmh"/> in both directions. Access tags (<c>access</c>, <c>motor_vehicle</c>,
/// <c>motorcar</c>, <c>foot</c>) close or open a way.
/// </summary>
public static class RoadProfile
{
    // km/h by class where no maxspeed is signed.
    private static readonly Dictionary<string, byte> CarKmhByClass = new(StringComparer.Ordinal)
    {
        ["motorway"] = 120, ["motorway_link"] = 60,
        ["trunk"] = 100, ["trunk_link"] = 50,
        ["primary"] = 70, ["primary_link"] = 40,
        ["secondary"] = 60, ["secondary_link"] = 40,
        ["tertiary"] = 50, ["tertiary_link"] = 30,
        ["unclassified"] = 40, ["residential"] = 30, ["road"] = 30,
        ["living_street"] = 7, ["service"] = 15,
    };

    // Walkable by class; motorways and trunk roads only with an explicit foot=yes.
    private static readonly HashSet<string> FootClasses = new(StringComparer.Ordinal)
    {
        "footway", "path", "pedestrian", "steps", "track", "living_street", "residential", "service", "unclassified", "road",
        "tertiary", "tertiary_link", "secondary", "secondary_link", "primary", "primary_link",
    };

    private static readonly HashSet<string> Closed = new(StringComparer.Ordinal) { "no", "private", "agricultural", "forestry", "delivery", "emergency" };
    private static readonly HashSet<string> Open = new(StringComparer.Ordinal) { "yes", "designated", "permissive", "destination", "customers" };

    /// <summary>What the way with these tags allows (<paramref name="tag"/> gives a tag's value or null).</summary>
    public static RoadAccess Classify(Func<string, string?> tag)
    {
        var highway = tag("highway");
        if (highway is null || tag("area") == "yes" && highway != "pedestrian")
        {
            return default;
        }

        var access = tag("access");
        var carTag = tag("motorcar") ?? tag("motor_vehicle") ?? tag("vehicle") ?? access;
        var footTag = tag("foot") ?? access;

        byte car = 0;
        if (CarKmhByClass.TryGetValue(highway, out var classKmh) && (carTag is null || !Closed.Contains(carTag)))
        {
            car = MaxSpeed(tag("maxspeed")) is { } signed ? signed : classKmh;
        }

        var foot = footTag is not null && Open.Contains(footTag)
            ? highway is not ("motorway" or "motorway_link") || tag("foot") is "yes" or "designated"
            : FootClasses.Contains(highway) && (footTag is null || !Closed.Contains(footTag)) && tag("foot") is not "use_sidepath";

        var (forward, backward) = (car, car);
        var oneway = tag("oneway");
        var impliedOneway = highway is "motorway" or "motorway_link" || tag("junction") is "roundabout" or "circular";
        if (oneway is "-1" or "reverse")
        {
            forward = 0;
        }
        else if (oneway is "yes" or "true" or "1" || (impliedOneway && oneway is not ("no" or "false" or "0")))
        {
            backward = 0;
        }

        return new RoadAccess(forward, backward, foot);
    }

    /// <summary>
    /// A signed speed limit in km/h: a number (with "mph" converted), or a German zone (DE:urban 50, DE:rural 100,
    /// DE:living_street and walk 7, DE:motorway and none: null, so the class's speed); at most 130 where signed
    /// higher, since the time has to be one a family can count on. Null when absent or not understood.
    /// </summary>
    public static byte? MaxSpeed(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Split(';')[0].Trim();
        switch (text)
        {
            case "DE:urban":
                return 50;
            case "DE:rural":
                return 100;
            case "DE:living_street" or "walk" or "DE:walk":
                return 7;
            case "DE:zone30" or "DE:zone:30":
                return 30;
        }

        var mph = text.EndsWith("mph", StringComparison.Ordinal);
        if (mph)
        {
            text = text[..^3].Trim();
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var kmh) || kmh < 1)
        {
            return null;
        }

        kmh = mph ? kmh * 1.609344 : kmh;
        return (byte)Math.Clamp(Math.Round(kmh), 1, 130);
    }
}
