namespace Directory.Core.Geo;

/// <summary>
/// The coordinate reference systems the directory knows, with their EPSG codes and OGC WKT definitions.
/// The WKT strings are the EPSG registry's definitions (as published by epsg.io / spatialreference.org);
/// they are written into the GeoPackage's <c>gpkg_spatial_ref_sys</c> and used by <see cref="Reprojector"/>.
/// </summary>
public static class Crs
{
    /// <summary>WGS 84 geographic (longitude/latitude in degrees): GeoJSON, web maps, GPS.</summary>
    public const int Wgs84 = 4326;

    /// <summary>ETRS89 / UTM zone 32N (metres): the official CRS of NRW geodata; all metric work happens here.</summary>
    public const int Etrs89Utm32N = 25832;

    /// <summary>DHDN / 3-degree Gauss-Krüger zone 2 (central meridian 6° E): older lists in western NRW.</summary>
    public const int GaussKruegerZone2 = 31466;

    /// <summary>DHDN / 3-degree Gauss-Krüger zone 3 (central meridian 9° E): older lists in eastern NRW.</summary>
    public const int GaussKruegerZone3 = 31467;

    /// <summary>OGC WKT of EPSG:4326.</summary>
    public const string Wgs84Wkt =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]]," +
        "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]]," +
        "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST]," +
        "AUTHORITY[\"EPSG\",\"4326\"]]";

    /// <summary>
    /// OGC WKT of EPSG:25832. ETRS89 uses the GRS 1980 ellipsoid; EPSG defines its transformation to WGS 84 as
    /// the null transformation (TOWGS84 all zero), which is what web maps assume too.
    /// </summary>
    public const string Etrs89Utm32NWkt =
        "PROJCS[\"ETRS89 / UTM zone 32N\",GEOGCS[\"ETRS89\",DATUM[\"European_Terrestrial_Reference_System_1989\"," +
        "SPHEROID[\"GRS 1980\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"7019\"]],TOWGS84[0,0,0,0,0,0,0]," +
        "AUTHORITY[\"EPSG\",\"6258\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]]," +
        "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4258\"]]," +
        "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",9]," +
        "PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0]," +
        "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH]," +
        "AUTHORITY[\"EPSG\",\"25832\"]]";

    /// <summary>
    /// OGC WKT of EPSG:31466. DHDN on the Bessel ellipsoid, with the EPSG transformation 1777 to WGS 84 (7 parameters,
    /// accurate to about 3 m). The EPSG axis order is northing, easting; here x is the easting (Rechtswert) as
    /// everywhere else in this code.
    /// </summary>
    public const string GaussKruegerZone2Wkt = GaussKruegerPrefix + "zone 2\"," + DhdnGeogcs + ",PARAMETER[\"central_meridian\",6]," +
        "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",2500000],PARAMETER[\"false_northing\",0]," +
        "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AUTHORITY[\"EPSG\",\"31466\"]]";

    /// <summary>OGC WKT of EPSG:31467 (as <see cref="GaussKruegerZone2Wkt"/>, central meridian 9° E).</summary>
    public const string GaussKruegerZone3Wkt = GaussKruegerPrefix + "zone 3\"," + DhdnGeogcs + ",PARAMETER[\"central_meridian\",9]," +
        "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",3500000],PARAMETER[\"false_northing\",0]," +
        "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AUTHORITY[\"EPSG\",\"31467\"]]";

    private const string GaussKruegerPrefix = "PROJCS[\"DHDN / 3-degree Gauss-Kruger ";

    private const string DhdnGeogcs =
        "GEOGCS[\"DHDN\",DATUM[\"Deutsches_Hauptdreiecksnetz\",SPHEROID[\"Bessel 1841\",6377397.155,299.1528128," +
        "AUTHORITY[\"EPSG\",\"7004\"]],TOWGS84[598.1,73.7,418.2,0.202,0.045,-2.455,6.7],AUTHORITY[\"EPSG\",\"6314\"]]," +
        "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]," +
        "AUTHORITY[\"EPSG\",\"4314\"]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0]";

    /// <summary>
    /// Reads the EPSG code out of a CRS name as GeoJSON files (the pre-RFC 7946 <c>crs</c> member), OGC APIs and
    /// users write it: <c>EPSG:25832</c>, <c>urn:ogc:def:crs:EPSG::25832</c>,
    /// <c>http://www.opengis.net/def/crs/EPSG/0/25832</c>, and the CRS84 names for WGS 84 longitude/latitude.
    /// </summary>
    /// <returns>The EPSG code, or null when the name is not of a form this method knows.</returns>
    public static int? ParseEpsgCode(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase))
        {
            return Wgs84;
        }

        // All known forms end with the code after a ':' or '/'.
        var separator = trimmed.LastIndexOfAny([':', '/']);
        if (separator < 0 || !trimmed.Contains("EPSG", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return int.TryParse(trimmed[(separator + 1)..], System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var code)
            ? code
            : null;
    }
}
