using System.Globalization;
using NetTopologySuite.Geometries;
using WKTReader = NetTopologySuite.IO.WKTReader;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace Directory.Api.Ogc.Filters;

/// <summary>
/// CQL2 text (the BNF of CQL2 1.0, for the classes we implement) with Superpower's character parsers: a parser
/// combinator library whose failures carry line and column, so that an invalid filter's problem document can say
/// where it breaks, and whose grammar reads as the BNF does. (Pidgin would do as well; ANTLR would add a generated
/// parser and a build step for a grammar of forty lines.)
/// </summary>
public static class Cql2TextParser
{
    /// <summary>
    /// Parses <paramref name="text"/> within <paramref name="limits"/> (the defaults without); throws
    /// <see cref="Cql2Exception"/> naming the position of the error.
    /// </summary>
    public static Cql2Expression Read(string text, Cql2Limits? limits = null)
    {
        limits ??= Cql2Limits.Default;
        // Before the parser: it recurses once per bracket or NOT.
        limits.CheckText(text, json: false);
        var result = Filter.TryParse(text);
        if (!result.HasValue)
        {
            var position = result.ErrorPosition.HasValue ? result.ErrorPosition : result.Remainder.Position;
            throw new Cql2Exception(German(result), string.Format(Texts.ApiTexts.FilterPosition, position.Line, position.Column));
        }

        limits.CheckSize(result.Value);
        return result.Value;
    }

    // Superpower words its own messages in English ("unexpected `x`, expected …"); the problem texts are German. The
    // expectations are the parsers' names (German, `.Named`) or the characters they wanted.
    private static string German(Result<Cql2Expression> result)
    {
        if (result.ErrorMessage is { } message)
        {
            return message;
        }

        var found = result.Remainder.IsAtEnd ? Texts.ApiTexts.Cql2TextEnd : string.Format(Texts.ApiTexts.Cql2TextQuoted, result.Remainder.ConsumeChar().Value);
        var expected = result.Expectations is { Length: > 0 } expectations
            ? string.Format(Texts.ApiTexts.Cql2TextExpected, string.Join(Texts.ApiTexts.Cql2TextOr, expectations.Select(e => e.Length > 2 && e[0] == '`' && e[^1] == '`' ? string.Format(Texts.ApiTexts.Cql2TextQuoted, e[1..^1]) : e).Distinct()))
            : "";
        return string.Format(Texts.ApiTexts.Cql2TextUnexpected, found, expected);
    }

    // One factory for the boxes (making one per filter cost more than the rest of a small filter's parse).
    private static readonly GeometryFactory Flat = new();

    private static readonly TextParser<Unit> Blank = Character.WhiteSpace.Many().Value(Unit.Value);

    private static TextParser<T> Token<T>(TextParser<T> parser) => from value in parser from _ in Blank select value;

    private static readonly TextParser<char> IdentifierChar = Character.LetterOrDigit.Or(Character.In('_', ':', '.'));

    private static TextParser<string> Keyword(string word) =>
        Token(from matched in Span.EqualToIgnoreCase(word) from _ in Superpower.Parse.Not(IdentifierChar) select word.ToUpperInvariant()).Try()
            .Named(string.Format(Texts.ApiTexts.Cql2TextQuoted, word));

    private static TextParser<char> Symbol(char c) => Token(Character.EqualTo(c));

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL", "TRUE", "FALSE",
    };

    private static readonly TextParser<Cql2Expression> Property =
        Token(Character.Letter.Or(Character.EqualTo('_')).Then(first => IdentifierChar.Many().Select(rest => first + new string(rest))))
            .Where(name => !Reserved.Contains(name), Texts.ApiTexts.Cql2TextReserved)
            .Or(Token(Character.EqualTo('"').IgnoreThen(Character.Except('"').Many()).Then(chars => Character.EqualTo('"').Value(new string(chars)))))
            .Select(name => (Cql2Expression)new Cql2Property(name))
            .Named("Eigenschaft");

    private static readonly TextParser<Cql2Expression> StringLiteral =
        Token(Character.EqualTo('\'')
            .IgnoreThen(Span.EqualTo("''").Value('\'').Try().Or(Character.Except('\'')).Many())
            .Then(chars => Character.EqualTo('\'').Value((Cql2Expression)new Cql2Literal(new string(chars)))))
            .Named("Text in '…'");

    // One regular expression, built once (a Regex made inside a parser's continuation cost 15 µs per number):
    // CQL2's numeric literal, with a sign, a fraction and an exponent.
    private static readonly TextParser<double> Number =
        Token(Span.Regex(@"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
            .Select(number => double.Parse(number.ToStringValue(), NumberStyles.Float, CultureInfo.InvariantCulture)))
            .Named("Zahl");

    private static readonly TextParser<Cql2Expression> NumberLiteral = Number.Select(n => (Cql2Expression)new Cql2Literal(n));

    private static readonly TextParser<Cql2Expression> BooleanLiteral =
        Keyword("TRUE").Value((Cql2Expression)new Cql2Literal(true)).Or(Keyword("FALSE").Value((Cql2Expression)new Cql2Literal(false)));

    private static readonly TextParser<Cql2Expression> Scalar = StringLiteral.Or(NumberLiteral).Or(BooleanLiteral).Or(Property);

    // BBOX(minx, miny, maxx, maxy) (6 numbers: with heights, which a flat box ignores).
    private static readonly TextParser<Cql2Expression> Bbox =
        from _ in Keyword("BBOX")
        from open in Symbol('(')
        from numbers in Number.ManyDelimitedBy(Symbol(','))
        from close in Symbol(')')
        from box in numbers.Length switch
        {
            4 => Superpower.Parse.Return<Cql2Expression>(new Cql2Geometry(Flat.ToGeometry(new Envelope(numbers[0], numbers[2], numbers[1], numbers[3])))),
            6 => Superpower.Parse.Return<Cql2Expression>(new Cql2Geometry(Flat.ToGeometry(new Envelope(numbers[0], numbers[3], numbers[1], numbers[4])))),
            _ => (TextParser<Cql2Expression>)(input => Result.Empty<Cql2Expression>(input, Texts.ApiTexts.Cql2TextBboxNumbers)),
        }
        select box;

    // A WKT literal: its keyword and balanced parentheses, read by NetTopologySuite's WKT reader.
    private static readonly TextParser<TextSpan> Parenthesised =
        from open in Character.EqualTo('(')
        from inner in Superpower.Parse.Ref(() => Parenthesised!).Select(_ => Unit.Value).Try().Or(Character.Except(c => c is '(' or ')', "Koordinate").Value(Unit.Value)).Many()
        from close in Character.EqualTo(')')
        select TextSpan.None;

    private static readonly string[] GeometryTypes = ["MULTIPOLYGON", "MULTILINESTRING", "MULTIPOINT", "POLYGON", "LINESTRING", "POINT", "GEOMETRYCOLLECTION"];

    private static readonly TextParser<string> GeometryKeyword = GeometryTypes.Select(Keyword).Aggregate((a, b) => a.Or(b));

    private static readonly TextParser<TextSpan> ThreeDimensions = Span.EqualToIgnoreCase("Z").Then(z => Blank.Value(z)).Try().OptionalOrDefault();

    private static readonly TextParser<TextSpan> Body = Token(Parenthesised);

    private static readonly TextParser<Cql2Expression> Wkt = input =>
    {
        var start = input;
        var keyword = GeometryKeyword(input);
        if (!keyword.HasValue)
        {
            return Result.CastEmpty<string, Cql2Expression>(keyword);
        }

        var rest = ThreeDimensions(keyword.Remainder);
        var body = Body(rest.Remainder);
        if (!body.HasValue)
        {
            return Result.CastEmpty<TextSpan, Cql2Expression>(body);
        }

        var wkt = start.Until(body.Remainder).ToStringValue();
        try
        {
            return Result.Value<Cql2Expression>(new Cql2Geometry(new WKTReader().Read(wkt)), start, body.Remainder);
        }
        // NTS throws ParseException for the syntax and others for a shape it cannot build (a ring of three points).
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return Result.Empty<Cql2Expression>(start, string.Format(Texts.ApiTexts.Cql2TextGeometryInvalid, exception.Message));
        }
    };

    private static readonly TextParser<Cql2Expression> GeometryOperand = Bbox.Or(Wkt).Or(Property);

    private static readonly TextParser<Cql2Expression> Intersects =
        from _ in Keyword("S_INTERSECTS").Or(Keyword("INTERSECTS"))
        from open in Symbol('(')
        from left in GeometryOperand
        from comma in Symbol(',')
        from right in GeometryOperand
        from close in Symbol(')')
        select (Cql2Expression)new Cql2Intersects(left, right);

    private static readonly TextParser<string> ComparisonOperator =
        Token(Span.EqualTo("<>").Try().Or(Span.EqualTo("<=").Try()).Or(Span.EqualTo(">=").Try())
            .Or(Span.EqualTo("=")).Or(Span.EqualTo("<")).Or(Span.EqualTo(">")).Select(s => s.ToStringValue()))
            .Named("Vergleich (=, <>, <, >, <=, >=)");

    private static TextParser<Cql2Expression> Negated(bool not, Cql2Expression expression) =>
        Superpower.Parse.Return(not ? new Cql2Not(expression) : expression);

    private static readonly TextParser<Cql2Expression> Predicate =
        from left in Scalar
        from rest in
            ComparisonOperator.Then(op => Scalar.Select(right => (Cql2Expression)new Cql2Comparison(op, left, right)))
            .Or(from not in Keyword("NOT").Value(true).OptionalOrDefault()
                from predicate in
                    Keyword("LIKE").IgnoreThen(Scalar).Select(pattern => (Cql2Expression)new Cql2Like(left, pattern))
                    .Or(from b in Keyword("BETWEEN") from low in Scalar from and in Keyword("AND") from high in Scalar
                        select (Cql2Expression)new Cql2Between(left, low, high))
                    .Or(from i in Keyword("IN") from open in Symbol('(') from list in Scalar.ManyDelimitedBy(Symbol(',')) from close in Symbol(')')
                        select (Cql2Expression)new Cql2In(left, list))
                from negated in Negated(not, predicate)
                select negated)
            .Or(from i in Keyword("IS") from not in Keyword("NOT").Value(true).OptionalOrDefault() from n in Keyword("NULL")
                select not ? (Cql2Expression)new Cql2Not(new Cql2IsNull(left)) : new Cql2IsNull(left))
        select rest;

    // No alternative backtracks once it has read more than its first word: an error is reported where it is, not
    // at the start of the filter. A condition that is only TRUE or FALSE is told from a comparison by what follows.
    private static readonly TextParser<Cql2Expression> Primary =
        Symbol('(').IgnoreThen(Superpower.Parse.Ref(() => Or!)).Then(inner => Symbol(')').Value(inner))
            .Or(Intersects)
            .Or(BooleanLiteral.Then(literal => Superpower.Parse.Not(ComparisonOperator.Value(Unit.Value).Or(Keyword("IS").Value(Unit.Value))
                .Or(Keyword("LIKE").Value(Unit.Value)).Or(Keyword("BETWEEN").Value(Unit.Value)).Or(Keyword("IN").Value(Unit.Value))).Value(literal)).Try())
            .Or(Predicate);

    private static readonly TextParser<Cql2Expression> Not =
        Keyword("NOT").IgnoreThen(Superpower.Parse.Ref(() => Not!)).Select(e => (Cql2Expression)new Cql2Not(e)).Or(Primary);

    private static readonly TextParser<Cql2Expression> And =
        Not.AtLeastOnceDelimitedBy(Keyword("AND")).Select(args => args.Length == 1 ? args[0] : new Cql2Logical("and", args));

    private static readonly TextParser<Cql2Expression> Or =
        And.AtLeastOnceDelimitedBy(Keyword("OR")).Select(args => args.Length == 1 ? args[0] : new Cql2Logical("or", args));

    private static readonly TextParser<Cql2Expression> Filter = Blank.IgnoreThen(Or).AtEnd();
}
