using Directory.Core.Storage;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Directory.Core.Tests.Storage;

/// <summary>The envelope the R-tree triggers get from a GeoPackage blob equals the geometry's own.</summary>
public sealed class GeoPackageFunctionsTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 25832);

    public static TheoryData<string> Geometries() =>
    [
        "POINT (414000.5 5654000.25)",
        "POINT (-1e-300 7)",
        "MULTIPOLYGON (((400000 5600000, 410000 5600000, 410000 5610000, 400000 5600000)), ((420000 5620000, 421000 5620000, 421000 5625000, 420000 5620000)))",
        "LINESTRING (1 2, 3 -4, 5 6)",
    ];

    [Theory]
    [MemberData(nameof(Geometries))]
    public void TheEnvelopeIsTheGeometrysEnvelope(string wkt)
    {
        var geometry = new WKTReader(NetTopologySuite.NtsGeometryServices.Instance).Read(wkt);
        geometry.SRID = 25832;
        foreach (var order in new[] { ByteOrder.LittleEndian, ByteOrder.BigEndian })
        {
            var blob = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY }.Write(geometry);
            if (order == ByteOrder.BigEndian)
            {
                // The same point written big-endian by another writer: header flag bit 0 clear, WKB byte order 0.
                if (geometry is not Point point)
                {
                    continue;
                }

                blob = BigEndianPoint(point);
            }

            Assert.Equal(geometry.EnvelopeInternal, GeoPackageFunctions.EnvelopeOf(blob));
        }
    }

    [Fact]
    public void NullAndEmptyGeometriesHaveNoEnvelope()
    {
        Assert.Null(GeoPackageFunctions.EnvelopeOf(null));
        Assert.Null(GeoPackageFunctions.EnvelopeOf(new GeoPackageGeoWriter().Write(Factory.CreatePoint())));
        Assert.Null(GeoPackageFunctions.EnvelopeOf(new GeoPackageGeoWriter().Write(Factory.CreateMultiPolygon())));
    }

    private static byte[] BigEndianPoint(Point point)
    {
        var blob = new byte[8 + 21];
        "GP"u8.CopyTo(blob);
        blob[3] = 0; // big-endian header, no envelope
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4), 25832);
        blob[8] = 0; // WKB big-endian
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(9), 1);
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleBigEndian(blob.AsSpan(13), point.X);
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleBigEndian(blob.AsSpan(21), point.Y);
        return blob;
    }
}
