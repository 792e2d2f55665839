using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Directory.Core.Storage;

/// <summary>
/// Maps a NetTopologySuite geometry to the GeoPackage binary format (a <c>GP</c> header with SRID and envelope,
/// then WKB), so that EF Core Sqlite writes geometry columns that GDAL, QGIS and ArcGIS read natively. This stands in
/// for the SpatiaLite provider, which the package mirror does not carry (see docs/architecture.md).
/// </summary>
public sealed class GeoPackageGeometryConverter<TGeometry>() : ValueConverter<TGeometry, byte[]>(
    geometry => ToBlob(geometry),
    blob => FromBlob(blob))
    where TGeometry : Geometry
{
    /// <summary>Compares geometries by value, so that EF Core's change tracking sees a replaced boundary.</summary>
    public static readonly ValueComparer<TGeometry> Comparer = new(
        (a, b) => ReferenceEquals(a, b) || (a != null && b != null && a.EqualsExact(b)),
        geometry => geometry.GetHashCode(),
        geometry => (TGeometry)geometry.Copy());

    private static byte[] ToBlob(TGeometry geometry)
    {
        if (geometry.SRID <= 0)
        {
            // A geometry without SRID would be written with srs_id 0 ("undefined geographic"), silently wrong.
            throw new InvalidOperationException($"A {geometry.GeometryType} without SRID cannot be stored in the GeoPackage.");
        }

        // The writer's default is XYZM, which stores NaN Z and M values that GDAL reports as invalid coordinates;
        // the layers are declared 2D (z = 0, m = 0 in gpkg_geometry_columns).
        return new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY }.Write(geometry);
    }

    private static TGeometry FromBlob(byte[] blob)
    {
        var reader = new GeoPackageGeoReader(
            NtsGeometryServices.Instance.DefaultCoordinateSequenceFactory,
            NtsGeometryServices.Instance.DefaultPrecisionModel)
        {
            // Off by default: without it every geometry comes back with SRID -1 and can no longer be reprojected.
            HandleSRID = true,
        };
        return (TGeometry)reader.Read(blob);
    }
}
