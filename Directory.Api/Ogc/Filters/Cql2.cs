using NetTopologySuite.Geometries;

namespace Directory.Api.Ogc.Filters;

/// <summary>
/// A CQL2 filter (OGC API – Features Part 3) as the two encodings parse to it: the conformance classes Basic CQL2,
/// Advanced Comparison Operators (LIKE, BETWEEN, IN) and Basic Spatial Functions (S_INTERSECTS with points, boxes and
/// polygons). Records compare by value, so the test that both encodings of an example give the same filter is an
/// equality.
/// </summary>
public abstract record Cql2Expression;

/// <summary>A queryable's value: <c>name</c>, or the geometry (<c>geometry</c>).</summary>
public sealed record Cql2Property(string Name) : Cql2Expression;

/// <summary>A string, number (double) or boolean.</summary>
public sealed record Cql2Literal(object Value) : Cql2Expression;

/// <summary>A geometry literal (WKT or GeoJSON, or a BBOX), in the filter's CRS as written.</summary>
public sealed record Cql2Geometry(Geometry Value) : Cql2Expression
{
    /// <inheritdoc />
    public bool Equals(Cql2Geometry? other) => other is not null && Value.EqualsExact(other.Value);

    /// <inheritdoc />
    public override int GetHashCode() => Value.EnvelopeInternal.GetHashCode();
}

/// <summary>AND, OR: every or any argument.</summary>
public sealed record Cql2Logical(string Op, IReadOnlyList<Cql2Expression> Args) : Cql2Expression
{
    /// <inheritdoc />
    public bool Equals(Cql2Logical? other) => other is not null && Op == other.Op && Args.SequenceEqual(other.Args);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Op, Args.Count);
}

/// <summary>NOT.</summary>
public sealed record Cql2Not(Cql2Expression Arg) : Cql2Expression;

/// <summary>=, &lt;&gt;, &lt;, &gt;, &lt;=, &gt;=.</summary>
public sealed record Cql2Comparison(string Op, Cql2Expression Left, Cql2Expression Right) : Cql2Expression;

/// <summary>LIKE with % and _ (a backslash escapes them).</summary>
public sealed record Cql2Like(Cql2Expression Value, Cql2Expression Pattern) : Cql2Expression;

/// <summary>BETWEEN low AND high (both included).</summary>
public sealed record Cql2Between(Cql2Expression Value, Cql2Expression Low, Cql2Expression High) : Cql2Expression;

/// <summary>IN (list).</summary>
public sealed record Cql2In(Cql2Expression Value, IReadOnlyList<Cql2Expression> List) : Cql2Expression
{
    /// <inheritdoc />
    public bool Equals(Cql2In? other) => other is not null && Value.Equals(other.Value) && List.SequenceEqual(other.List);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, List.Count);
}

/// <summary>IS NULL.</summary>
public sealed record Cql2IsNull(Cql2Expression Value) : Cql2Expression;

/// <summary>S_INTERSECTS(a, b).</summary>
public sealed record Cql2Intersects(Cql2Expression Left, Cql2Expression Right) : Cql2Expression;

/// <summary>A filter that cannot be read: what is wrong and where (1-based line and column of the text, or the JSON path).</summary>
public sealed class Cql2Exception(string message, string position) : Exception(message)
{
    /// <summary>"Zeile 1, Spalte 12" or "args[1].args[0]".</summary>
    public string Position { get; } = position;
}
