using System.Globalization;
using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Directory.Core.Geo;

/// <summary>How a pair of coordinate columns is labelled in a list.</summary>
public enum CoordinateColumns
{
    /// <summary>Breitengrad / Längengrad (latitude, longitude): normally WGS84 degrees.</summary>
    LatitudeLongitude,

    /// <summary>Rechtswert / Hochwert or Ostwert / Nordwert: projected metres (UTM 32N or Gauss-Krüger).</summary>
    EastingNorthing,
}

/// <summary>The outcome of reading one coordinate pair.</summary>
/// <param name="Point">The point in EPSG:25832, or null when the values cannot be read or placed.</param>
/// <param name="DetectedSrid">The CRS the values were read in.</param>
/// <param name="Swapped">True when the two values were swapped by hand and have been put back in order.</param>
/// <param name="Failure">Why there is no point, or null.</param>
public sealed record CoordinateReading(Point? Point, int DetectedSrid, bool Swapped, CoordinateFailure? Failure);

/// <summary>Why a coordinate pair could not be read.</summary>
public enum CoordinateFailure
{
    /// <summary>A value is not a number.</summary>
    NotANumber,

    /// <summary>The magnitudes fit no CRS the directory knows for NRW.</summary>
    UnknownMagnitude,
}

/// <summary>
/// The only parser of coordinates that people typed: numbers with decimal comma or point (and thousands
/// separators), WGS84 degrees, ETRS89 / UTM 32N with or without the zone prefix 32 on the easting, or Gauss-Krüger
/// zones 2 and 3, told apart by their magnitudes (or forced). Swapped pairs are detected and put right.
/// </summary>
public static class CoordinateParser
{
    private static readonly GeometryFactory Etrs89 = NtsGeometryServices.Instance.CreateGeometryFactory(Crs.Etrs89Utm32N);

    // Value ranges that NRW's coordinates take in each CRS, with a margin of about 20 km.
    private static readonly (double Min, double Max) Latitude = (50.1, 52.8);
    private static readonly (double Min, double Max) Longitude = (5.5, 9.8);
    private static readonly (double Min, double Max) UtmEasting = (250_000, 560_000);
    private static readonly (double Min, double Max) Northing = (5_540_000, 5_860_000);
    private static readonly (double Min, double Max) GaussKruegerZone2Easting = (2_420_000, 2_700_000);
    private static readonly (double Min, double Max) GaussKruegerZone3Easting = (3_200_000, 3_700_000);
    private const double UtmZonePrefix = 32_000_000;

    /// <summary>
    /// Reads a number written by a person: "51,2345", "51.2345", "5.645.123,45", "5,645,123.45", "356 565,2".
    /// With one separator kind only, a single separator is the decimal one; repeated ones group thousands.
    /// </summary>
    public static bool TryParseNumber(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "");
        var lastComma = s.LastIndexOf(',');
        var lastDot = s.LastIndexOf('.');
        if (lastComma >= 0 && lastDot >= 0)
        {
            // Both kinds: the later one is the decimal separator, the other groups thousands.
            var (group, decimalSeparator) = lastComma > lastDot ? ('.', ',') : (',', '.');
            s = s.Replace(group.ToString(), "").Replace(decimalSeparator, '.');
        }
        else if (lastComma >= 0)
        {
            s = s.IndexOf(',') == lastComma ? s.Replace(',', '.') : s.Replace(",", "");
        }
        else if (lastDot >= 0 && s.IndexOf('.') != lastDot)
        {
            s = s.Replace(".", "");
        }

        return double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                   CultureInfo.InvariantCulture, out value)
               && double.IsFinite(value);
    }

    /// <summary>
    /// Reads a coordinate pair as it stands in the list: (latitude, longitude) or (easting, northing) depending on
    /// <paramref name="columns"/>. With <paramref name="forcedSrid"/> the magnitudes are not used to guess the CRS.
    /// </summary>
    public static CoordinateReading Read(string? first, string? second, CoordinateColumns columns, int? forcedSrid = null)
    {
        if (!TryParseNumber(first, out var a) || !TryParseNumber(second, out var b))
        {
            return new CoordinateReading(null, 0, false, CoordinateFailure.NotANumber);
        }

        // Projected metres: x is the easting, y the northing, whatever the columns are called.
        var (x, y) = columns == CoordinateColumns.LatitudeLongitude ? (b, a) : (a, b);
        if (forcedSrid is { } srid)
        {
            return Place(x, y, srid, swapped: false);
        }

        if (columns == CoordinateColumns.LatitudeLongitude && Math.Abs(a) <= 90 && Math.Abs(b) <= 180)
        {
            if (In(a, Latitude) && In(b, Longitude))
            {
                return Place(b, a, Crs.Wgs84, swapped: false);
            }

            if (In(a, Longitude) && In(b, Latitude))
            {
                return Place(a, b, Crs.Wgs84, swapped: true);
            }

            return new CoordinateReading(null, Crs.Wgs84, false, CoordinateFailure.UnknownMagnitude);
        }

        return DetectProjected(x, y, swapped: false) ?? DetectProjected(y, x, swapped: true)
               ?? new CoordinateReading(null, 0, false, CoordinateFailure.UnknownMagnitude);
    }

    private static CoordinateReading? DetectProjected(double easting, double northing, bool swapped)
    {
        if (!In(northing, Northing))
        {
            return null;
        }

        if (In(easting, UtmEasting))
        {
            return Place(easting, northing, Crs.Etrs89Utm32N, swapped);
        }

        if (In(easting - UtmZonePrefix, UtmEasting))
        {
            return Place(easting - UtmZonePrefix, northing, Crs.Etrs89Utm32N, swapped);
        }

        if (In(easting, GaussKruegerZone2Easting))
        {
            return Place(easting, northing, Crs.GaussKruegerZone2, swapped);
        }

        return In(easting, GaussKruegerZone3Easting) ? Place(easting, northing, Crs.GaussKruegerZone3, swapped) : null;
    }

    private static CoordinateReading Place(double x, double y, int srid, bool swapped)
    {
        if (srid == Crs.Etrs89Utm32N && x > UtmZonePrefix)
        {
            x -= UtmZonePrefix;
        }

        var (east, north) = Reprojector.Transform(x, y, srid, Crs.Etrs89Utm32N);
        return double.IsFinite(east) && double.IsFinite(north)
            ? new CoordinateReading(Etrs89.CreatePoint(new Coordinate(east, north)), srid, swapped, null)
            : new CoordinateReading(null, srid, swapped, CoordinateFailure.UnknownMagnitude);
    }

    private static bool In(double value, (double Min, double Max) range) => value >= range.Min && value <= range.Max;
}
