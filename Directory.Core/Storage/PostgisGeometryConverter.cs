using NetTopologySuite;
using NetTopologySuite.Geometries;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Directory.Core.Storage;

/// <summary>
/// Geometries read from PostGIS carry their SRID, but Npgsql's reader builds them with factories of its own geometry
/// services with the SRID unset on the parts of a multi-geometry (the polygons of a MultiPolygon), and
/// NetTopologySuite's coverage operations (simplify, union) work on the parts: the simplified map boundaries came out
/// with SRID -1. Copying what is read with the project's factory of its SRID (<see cref="NtsGeometryServices.Instance"/>)
/// makes every part carry it, as the GeoPackage reader's geometries do.
/// </summary>
internal sealed class PostgisGeometryConverter<TGeometry>() : ValueConverter<TGeometry, TGeometry>(
    geometry => geometry,
    geometry => Rebind(geometry))
    where TGeometry : Geometry
{
    private static TGeometry Rebind(TGeometry geometry) =>
        (TGeometry)NtsGeometryServices.Instance.CreateGeometryFactory(geometry.SRID).CreateGeometry(geometry);
}
