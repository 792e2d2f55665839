using System.Buffers.Binary;
using System.Collections.Concurrent;
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

    /// <summary>Geometry → GeoPackage blob (public because EF Core's compiled model calls it).</summary>
    public static byte[] ToBlob(TGeometry geometry)
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

    /// <summary>GeoPackage blob → geometry with its SRID (public because EF Core's compiled model calls it).</summary>
    public static TGeometry FromBlob(byte[] blob) => (TGeometry)GeoPackageBlob.Read(blob);
}

/// <summary>
/// Reads GeoPackage geometry blobs with one <see cref="NtsGeometryServices"/> per SRID. NetTopologySuite.IO.GeoPackage's
/// reader makes a new services object (with its own factory cache) for every geometry: 100,000 family managers then
/// carried 100,000 factories, about 80 MB. The blob is the GeoPackage header (magic "GP", version, flags, srs_id,
/// optional envelope; GeoPackage 1.3 §2.1.3) followed by standard WKB.
/// </summary>
public static class GeoPackageBlob
{
    private static readonly ConcurrentDictionary<int, NtsGeometryServices> ServicesBySrid = new();

    /// <summary>Reads <paramref name="blob"/>; the geometry's SRID is the header's srs_id.</summary>
    public static Geometry Read(byte[] blob)
    {
        if (blob.Length < 8 || blob[0] != (byte)'G' || blob[1] != (byte)'P')
        {
            throw new FormatException("Not a GeoPackage geometry blob (no \"GP\" magic).");
        }

        var flags = blob[3];
        var littleEndian = (flags & 0x01) != 0;
        var srid = littleEndian ? BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(4)) : BinaryPrimitives.ReadInt32BigEndian(blob.AsSpan(4));
        var envelopeBytes = ((flags >> 1) & 0x07) switch
        {
            0 => 0,
            1 => 32,
            2 or 3 => 48,
            4 => 64,
            var code => throw new FormatException($"GeoPackage geometry blob with invalid envelope code {code}."),
        };
        var isEmpty = (flags & 0x10) != 0;
        var services = ServicesBySrid.GetOrAdd(srid, s => new NtsGeometryServices(
            NtsGeometryServices.Instance.DefaultCoordinateSequenceFactory, NtsGeometryServices.Instance.DefaultPrecisionModel, s));
        using var stream = new MemoryStream(blob, 8 + envelopeBytes, blob.Length - 8 - envelopeBytes, writable: false);
        var geometry = new WKBReader(services) { HandleSRID = false }.Read(stream);
        if (isEmpty && geometry.OgcGeometryType == OgcGeometryType.Point)
        {
            // An empty point is stored with NaN coordinates (GeoPackage 1.3 §2.1.3.1.1).
            geometry = geometry.Factory.CreatePoint();
        }

        geometry.SRID = srid;
        return geometry;
    }
}
