using System.Globalization;
using Directory.Api.Ogc.Filters;
using Directory.Core.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Directory.Api.Ogc;

/// <summary>A collection's queryable: its name and JSON type (<c>string</c>, <c>number</c>, <c>boolean</c>, or the geometry).</summary>
public sealed record OgcQueryable(string Name, string Type);

/// <summary>
/// Turns a <see cref="Cql2Expression"/> into a test of a collection's feature by index, checked against the
/// collection's queryables once, before any feature is tested. Comparisons follow CQL2: numbers as numbers, texts
/// ordinally (case-sensitive), a null or a value of another type never equal (nor unequal); LIKE's % and _ as
/// wildcards, a backslash escapes them.
/// </summary>
public static class Cql2Evaluator
{
    /// <summary>The name of the geometry queryable.</summary>
    public const string GeometryName = "geometry";

    /// <summary>
    /// The test for <paramref name="filter"/> over <paramref name="collection"/>; geometry literals are in
    /// <paramref name="filterCrs"/>. Throws <see cref="Cql2Exception"/> for a property that is not queryable or an
    /// operand of the wrong kind.
    /// </summary>
    public static Func<int, bool> Compile(Cql2Expression filter, OgcCollection collection, OgcCrs filterCrs)
    {
        var queryables = collection.Queryables.ToDictionary(q => q.Name, q => q.Type);
        return Test(filter);

        Func<int, bool> Test(Cql2Expression expression) => expression switch
        {
            Cql2Literal { Value: bool b } => _ => b,
            Cql2Logical { Op: "and" } and => All(and.Args.Select(Test).ToArray()),
            Cql2Logical or => Any(or.Args.Select(Test).ToArray()),
            Cql2Not not => Negate(Test(not.Arg)),
            Cql2Comparison c => Compare(c.Op, Value(c.Left), Value(c.Right)),
            Cql2Like like => Like(Value(like.Value), like.Pattern),
            Cql2Between between => Between(Value(between.Value), Value(between.Low), Value(between.High)),
            Cql2In @in => In(Value(@in.Value), @in.List.Select(Value).ToArray()),
            Cql2IsNull isNull => IsNull(Value(isNull.Value)),
            Cql2Intersects intersects => Intersects(intersects),
            _ => throw new Cql2Exception(Texts.ApiTexts.Cql2NotACondition, expression.GetType().Name),
        };

        Func<int, object?> Value(Cql2Expression expression)
        {
            switch (expression)
            {
                case Cql2Literal literal:
                    return _ => literal.Value;
                case Cql2Property { Name: GeometryName }:
                    throw new Cql2Exception(Texts.ApiTexts.Cql2GeometryOnlySpatial, GeometryName);
                case Cql2Property property when queryables.ContainsKey(property.Name):
                    return i => Normalise(collection.PropertyValue(i, property.Name));
                case Cql2Property property:
                    throw new Cql2Exception(string.Format(Texts.ApiTexts.Cql2NotQueryable, property.Name, string.Join(", ", queryables.Keys)), property.Name);
                default:
                    throw new Cql2Exception(Texts.ApiTexts.Cql2ValueExpected, expression.GetType().Name);
            }
        }

        Func<int, bool> Intersects(Cql2Intersects intersects)
        {
            var (property, literal) = (intersects.Left, intersects.Right) switch
            {
                (Cql2Property p, Cql2Geometry g) => (p, g),
                (Cql2Geometry g, Cql2Property p) => (p, g),
                _ => throw new Cql2Exception(Texts.ApiTexts.Cql2IntersectsOperands, "S_INTERSECTS"),
            };
            if (property.Name != GeometryName)
            {
                throw new Cql2Exception(string.Format(Texts.ApiTexts.Cql2NotAGeometry, property.Name, GeometryName), property.Name);
            }

            var shape = ToCrs84(literal.Value, filterCrs);
            var envelope = shape.EnvelopeInternal;
            // A point lies in a box (or on a point) exactly when it lies in its envelope: no geometry to make per
            // feature (the prepared test was a sixth of a filtered page's time).
            var byEnvelope = shape is Point or Polygon { IsRectangle: true };
            // The points are compared in degrees (each has them); the regions' boundaries are kept in EPSG:25832 only,
            // so the literal is brought there once per request, densified first because its straight edges in
            // degrees are curves in metres, instead of each candidate boundary being reprojected to degrees.
            var prepared = PreparedGeometryFactory.Prepare(collection.IsPoints ? shape : ToStored(shape));
            return i => collection.Intersects(i, envelope, prepared, byEnvelope);
        }
    }

    /// <summary>
    /// What an index can select before the filter is tested (the filter is still tested on each feature so selected):
    /// the envelope (CRS84) of an S_INTERSECTS with a literal, and the text equalities, found among the conditions
    /// that must all hold (the filter itself, or the arguments of its top-level AND).
    /// </summary>
    public static (Envelope? Box, IReadOnlyList<(string Property, string Value)> Equal) Narrowing(Cql2Expression filter, OgcCrs filterCrs)
    {
        var conditions = filter is Cql2Logical { Op: "and" } and ? and.Args : [filter];
        Envelope? box = null;
        var equal = new List<(string, string)>();
        foreach (var condition in conditions)
        {
            var shape = condition is Cql2Intersects intersects
                ? (intersects.Left, intersects.Right) switch
                {
                    (Cql2Property { Name: GeometryName }, Cql2Geometry g) => g,
                    (Cql2Geometry g, Cql2Property { Name: GeometryName }) => g,
                    _ => null,
                }
                : null;
            if (shape is not null)
            {
                var envelope = ToCrs84(shape.Value, filterCrs).EnvelopeInternal;
                box = box is null ? envelope : box.Intersection(envelope);
            }

            var equality = condition is Cql2Comparison { Op: "=" } comparison
                ? (comparison.Left, comparison.Right) switch
                {
                    (Cql2Property p, Cql2Literal { Value: string v }) => (p.Name, v),
                    (Cql2Literal { Value: string v }, Cql2Property p) => (p.Name, v),
                    _ => ((string, string)?)null,
                }
                : null;
            if (equality is { } e)
            {
                equal.Add(e);
            }
        }

        return (box, equal);
    }

    private static object? Normalise(object? value) => value switch
    {
        int or long or float or decimal or double => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    private static Func<int, bool> All(Func<int, bool>[] tests) => i =>
    {
        foreach (var test in tests)
        {
            if (!test(i))
            {
                return false;
            }
        }

        return true;
    };

    private static Func<int, bool> Any(Func<int, bool>[] tests) => i =>
    {
        foreach (var test in tests)
        {
            if (test(i))
            {
                return true;
            }
        }

        return false;
    };

    // The operand is resolved when the filter is compiled, so that a property the collection lacks is a 400 then,
    // not an exception while the features are tested.
    private static Func<int, bool> IsNull(Func<int, object?> value) => i => value(i) is null;

    private static Func<int, bool> Negate(Func<int, bool> test) => i => !test(i);

    private static int? Order(object? a, object? b) => (a, b) switch
    {
        (double x, double y) => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        (bool x, bool y) => x == y ? 0 : null,
        _ => null,
    };

    private static Func<int, bool> Compare(string op, Func<int, object?> left, Func<int, object?> right) => i =>
    {
        var (a, b) = (left(i), right(i));
        if (a is bool || b is bool)
        {
            return (op is "=" or "<>") && a is bool x && b is bool y && (op == "=") == (x == y);
        }

        return Order(a, b) is { } order && op switch
        {
            "=" => order == 0,
            "<>" => order != 0,
            "<" => order < 0,
            ">" => order > 0,
            "<=" => order <= 0,
            _ => order >= 0,
        };
    };

    private static Func<int, bool> Between(Func<int, object?> value, Func<int, object?> low, Func<int, object?> high) => i =>
    {
        var v = value(i);
        return Order(v, low(i)) >= 0 && Order(v, high(i)) <= 0;
    };

    private static Func<int, bool> In(Func<int, object?> value, Func<int, object?>[] list) => i =>
    {
        var v = value(i);
        return list.Any(item => Order(v, item(i)) == 0);
    };

    private static Func<int, bool> Like(Func<int, object?> value, Cql2Expression pattern)
    {
        if (pattern is not Cql2Literal { Value: string text })
        {
            throw new Cql2Exception(Texts.ApiTexts.Cql2LikeNeedsPattern, "LIKE");
        }

        var like = new Cql2LikePattern(text);
        return i => value(i) is string s && like.Matches(s);
    }

    // The literal in CRS84 (longitude, latitude), as the collections compare.
    private static Geometry ToCrs84(Geometry literal, OgcCrs crs)
    {
        var copy = literal.Copy();
        if (crs == OgcCrs.Crs84)
        {
            return copy;
        }

        copy.Apply(new CoordinateFilter(crs));
        copy.GeometryChanged();
        return copy;
    }

    // A CRS84 geometry in EPSG:25832, its edges densified to 0.01° (about 1 km) so that they follow the curves the
    // straight edges in degrees become; NRW's extent keeps this to a few thousand points for any literal.
    private static Geometry ToStored(Geometry crs84)
    {
        var dense = NetTopologySuite.Densify.Densifier.Densify(crs84, 0.01);
        dense.Apply(new CoordinateFilter(OgcCrs.Epsg25832, toStored: true));
        dense.GeometryChanged();
        return dense;
    }

    private sealed class CoordinateFilter(OgcCrs crs, bool toStored = false) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = (seq.GetX(i), seq.GetY(i));
            if (toStored)
            {
                var (east, north) = Reprojector.Transform(x, y, Crs.Wgs84, Crs.Etrs89Utm32N);
                seq.SetX(i, east);
                seq.SetY(i, north);
                return;
            }

            var (lon, lat) = crs == OgcCrs.Epsg4326 ? (y, x) : Reprojector.Transform(x, y, Crs.Etrs89Utm32N, Crs.Wgs84);
            seq.SetX(i, lon);
            seq.SetY(i, lat);
        }
    }
}
