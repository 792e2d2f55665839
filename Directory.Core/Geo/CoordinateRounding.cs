using NetTopologySuite.Geometries;

namespace Directory.Core.Geo;

/// <summary>
/// Rounds coordinates for output. Shared vertices of neighbouring polygons round to the same value, so a coverage
/// stays gap-free; 6 decimals of a degree are about 0.1 m, 5 about 1 m.
/// </summary>
public static class CoordinateRounding
{
    /// <summary>Returns a copy of <paramref name="geometry"/> with every ordinate rounded to <paramref name="decimals"/>.</summary>
    public static TGeometry Round<TGeometry>(TGeometry geometry, int decimals)
        where TGeometry : Geometry =>
        CoordinateMapFilter.Apply((TGeometry)geometry.Copy(), (x, y) => (Math.Round(x, decimals), Math.Round(y, decimals)));
}
