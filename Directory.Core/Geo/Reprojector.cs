using NetTopologySuite;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Directory.Core.Geo;

/// <summary>
/// The only class that uses ProjNet: reprojects points and geometries between the CRSs in <see cref="Crs"/>.
/// Axis order is always x = easting/longitude, y = northing/latitude.
/// </summary>
public static class Reprojector
{
    private static readonly CoordinateSystemFactory CoordinateSystems = new();
    private static readonly CoordinateTransformationFactory Transformations = new();

    private static readonly Dictionary<int, CoordinateSystem> KnownSystems = new()
    {
        [Crs.Wgs84] = GeographicCoordinateSystem.WGS84,
        [Crs.Etrs89Utm32N] = CoordinateSystems.CreateFromWkt(Crs.Etrs89Utm32NWkt),
        [Crs.GaussKruegerZone2] = CoordinateSystems.CreateFromWkt(Crs.GaussKruegerZone2Wkt),
        [Crs.GaussKruegerZone3] = CoordinateSystems.CreateFromWkt(Crs.GaussKruegerZone3Wkt),
    };

    // ProjNet documents no thread safety for its transforms, so each thread gets its own instances.
    [ThreadStatic] private static Dictionary<(int, int), MathTransform>? transformsOfThisThread;

    /// <summary>True when <paramref name="srid"/> can be reprojected by this class.</summary>
    public static bool IsSupported(int srid) => KnownSystems.ContainsKey(srid);

    /// <summary>Reprojects one coordinate pair from <paramref name="sourceSrid"/> to <paramref name="targetSrid"/>.</summary>
    public static (double X, double Y) Transform(double x, double y, int sourceSrid, int targetSrid)
    {
        if (sourceSrid == targetSrid)
        {
            return (x, y);
        }

        return GetTransform(sourceSrid, targetSrid).Transform(x, y);
    }

    /// <summary>
    /// Returns a reprojected copy of <paramref name="geometry"/> (whose SRID must be set) in <paramref name="targetSrid"/>,
    /// created by the shared geometry factory of that SRID. The input is left unchanged.
    /// </summary>
    public static TGeometry Transform<TGeometry>(TGeometry geometry, int targetSrid)
        where TGeometry : Geometry
    {
        if (!IsSupported(geometry.SRID))
        {
            throw new ArgumentException($"Geometry has SRID {geometry.SRID}, which cannot be reprojected.", nameof(geometry));
        }

        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(targetSrid);
        var copy = (TGeometry)factory.CreateGeometry(geometry);
        if (geometry.SRID == targetSrid)
        {
            return copy;
        }

        var transform = GetTransform(geometry.SRID, targetSrid);
        return CoordinateMapFilter.Apply(copy, transform.Transform);
    }

    private static MathTransform GetTransform(int sourceSrid, int targetSrid)
    {
        transformsOfThisThread ??= [];
        if (!transformsOfThisThread.TryGetValue((sourceSrid, targetSrid), out var transform))
        {
            if (!KnownSystems.TryGetValue(sourceSrid, out var source) || !KnownSystems.TryGetValue(targetSrid, out var target))
            {
                throw new ArgumentException($"No reprojection from EPSG:{sourceSrid} to EPSG:{targetSrid} is known.");
            }

            transform = Transformations.CreateFromCoordinateSystems(source, target).MathTransform;
            transformsOfThisThread[(sourceSrid, targetSrid)] = transform;
        }

        return transform;
    }
}
