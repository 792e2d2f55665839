using NetTopologySuite.Geometries;

namespace Directory.Core.Geo;

/// <summary>A representative point of an area: for labels and for approximate locations.</summary>
public static class LabelPoint
{
    /// <summary>The centroid where it lies inside the area (it looks best on a map), else an interior point.</summary>
    public static Point Of(Geometry area)
    {
        var centroid = area.Centroid;
        return area.Contains(centroid) ? centroid : area.InteriorPoint;
    }
}
