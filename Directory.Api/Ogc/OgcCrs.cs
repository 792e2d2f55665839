using Directory.Core.Geo;
using NetTopologySuite.Geometries;

namespace Directory.Api.Ogc;

/// <summary>
/// The CRSs the OGC API offers (OGC API – Features Part 2): CRS84 (longitude, latitude; the default), EPSG:4326 with
/// its latitude-first axis order, and EPSG:25832, in which the directory stores its data.
/// </summary>
public enum OgcCrs
{
    /// <summary>http://www.opengis.net/def/crs/OGC/1.3/CRS84</summary>
    Crs84,

    /// <summary>http://www.opengis.net/def/crs/EPSG/0/4326 (latitude, longitude)</summary>
    Epsg4326,

    /// <summary>http://www.opengis.net/def/crs/EPSG/0/25832 (easting, northing; the storage CRS)</summary>
    Epsg25832,
}

/// <summary>URIs and axis handling of <see cref="OgcCrs"/>.</summary>
public static class OgcCrsUris
{
    /// <summary>CRS84's URI.</summary>
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    /// <summary>EPSG:4326's URI.</summary>
    public const string Epsg4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";

    /// <summary>EPSG:25832's URI.</summary>
    public const string Epsg25832 = "http://www.opengis.net/def/crs/EPSG/0/25832";

    /// <summary>All offered CRSs, in the order collections list them.</summary>
    public static readonly string[] All = [Crs84, Epsg4326, Epsg25832];

    /// <summary>The CRS of a URI, or null.</summary>
    public static OgcCrs? Parse(string uri) => uri switch
    {
        Crs84 => OgcCrs.Crs84,
        Epsg4326 => OgcCrs.Epsg4326,
        Epsg25832 => OgcCrs.Epsg25832,
        _ => null,
    };

    /// <summary>The URI of a CRS.</summary>
    public static string Uri(OgcCrs crs) => crs switch
    {
        OgcCrs.Epsg4326 => Epsg4326,
        OgcCrs.Epsg25832 => Epsg25832,
        _ => Crs84,
    };

    /// <summary>A feature's geometry in <paramref name="crs"/>: as stored for EPSG:25832, axes swapped for EPSG:4326.</summary>
    public static Geometry GeometryIn(OgcFeature feature, OgcCrs crs) => crs switch
    {
        OgcCrs.Epsg25832 => feature.StoredGeometry,
        OgcCrs.Epsg4326 => Swapped(feature.Geometry),
        _ => feature.Geometry,
    };

    /// <summary>A feature's envelope in <paramref name="crs"/>, without making its geometry in that CRS.</summary>
    public static Envelope EnvelopeIn(OgcFeature feature, OgcCrs crs) => crs switch
    {
        OgcCrs.Epsg25832 => feature.StoredGeometry.EnvelopeInternal,
        OgcCrs.Epsg4326 => new Envelope(feature.Envelope.MinY, feature.Envelope.MaxY, feature.Envelope.MinX, feature.Envelope.MaxX),
        _ => feature.Envelope,
    };

    /// <summary>A bbox given in <paramref name="crs"/> as a CRS84 envelope, or null when it does not fit the CRS.</summary>
    public static Envelope? ToCrs84(double a, double b, double c, double d, OgcCrs crs)
    {
        switch (crs)
        {
            case OgcCrs.Epsg4326:
                // minLat, minLon, maxLat, maxLon
                return Math.Abs(a) <= 90 && Math.Abs(c) <= 90 ? new Envelope(b, d, a, c) : null;
            case OgcCrs.Epsg25832:
                var corners = new[] { (a, b), (a, d), (c, b), (c, d) }
                    .Select(p => Reprojector.Transform(p.Item1, p.Item2, Crs.Etrs89Utm32N, Crs.Wgs84)).ToList();
                return new Envelope(corners.Min(p => p.X), corners.Max(p => p.X), corners.Min(p => p.Y), corners.Max(p => p.Y));
            default:
                return Math.Abs(b) <= 90 && Math.Abs(d) <= 90 ? new Envelope(a, c, b, d) : null;
        }
    }

    private static Geometry Swapped(Geometry geometry) => CoordinateMapFilter.Apply(geometry.Copy(), (x, y) => (y, x));
}
