using NetTopologySuite.Geometries;

namespace Directory.Core.Geo;

/// <summary>
/// Generous bounding boxes around North Rhine-Westphalia, used to reject coordinates that cannot be in NRW
/// (a wrong CRS, swapped axes, a typo) before any geometry work. The land itself spans
/// 5.87–9.46 °E, 50.32–52.53 °N (EPSG:25832: 280 375–531 791 E, 5 577 680–5 820 212 N, per data/README.md);
/// the boxes add about 10 km on every side.
/// </summary>
public static class NrwExtent
{
    /// <summary>The box in EPSG:4326, longitude/latitude.</summary>
    public static readonly Envelope Wgs84 = new(5.72, 9.61, 50.23, 52.62);

    /// <summary>The box in EPSG:25832, metres.</summary>
    public static readonly Envelope Etrs89Utm32N = new(270_000, 542_000, 5_567_000, 5_831_000);

    /// <summary>The box for <paramref name="srid"/>, or null for a CRS without one.</summary>
    public static Envelope? For(int srid) => srid switch
    {
        Crs.Wgs84 => Wgs84,
        Crs.Etrs89Utm32N => Etrs89Utm32N,
        _ => null,
    };
}
