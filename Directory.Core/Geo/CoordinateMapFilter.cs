using NetTopologySuite.Geometries;

namespace Directory.Core.Geo;

/// <summary>Replaces every (x, y) of a geometry by <c>map(x, y)</c>, in place; for reprojection and rounding.</summary>
public sealed class CoordinateMapFilter(Func<double, double, (double X, double Y)> map) : IEntireCoordinateSequenceFilter
{
    /// <inheritdoc />
    public bool Done => false;

    /// <inheritdoc />
    public bool GeometryChanged => true;

    /// <summary>Returns <paramref name="geometry"/> after mapping all its coordinates (the same instance).</summary>
    public static TGeometry Apply<TGeometry>(TGeometry geometry, Func<double, double, (double X, double Y)> map)
        where TGeometry : Geometry
    {
        geometry.Apply(new CoordinateMapFilter(map));
        geometry.GeometryChanged();
        return geometry;
    }

    /// <inheritdoc />
    public void Filter(CoordinateSequence seq)
    {
        for (var i = 0; i < seq.Count; i++)
        {
            var (x, y) = map(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
