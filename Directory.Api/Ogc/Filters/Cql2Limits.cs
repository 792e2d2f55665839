using System.ComponentModel.DataAnnotations;

namespace Directory.Api.Ogc.Filters;

/// <summary>
/// How large a CQL2 filter may be (configuration section <c>Limits:Filter</c>). The nesting is checked on the raw text
/// before any parser runs: both parsers recurse once per level, and a stack overflow ends the process rather than
/// throwing. The size of the parsed expression bounds the work of testing it on every feature of a page.
/// </summary>
public sealed class Cql2Limits
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Limits:Filter";

    /// <summary>The defaults, for callers without configuration (tests, the CLI).</summary>
    public static readonly Cql2Limits Default = new();

    /// <summary>Longest filter (characters).</summary>
    [Range(100, 100_000)]
    public int Length { get; set; } = 10_000;

    /// <summary>
    /// Deepest nesting: brackets (of conditions and of WKT), and runs of NOT, each a level. CQL2-JSON may nest twice as
    /// deep plus two, as each level there is an object and its <c>args</c> list.
    /// </summary>
    [Range(4, 64)]
    public int Depth { get; set; } = 20;

    /// <summary>Most nodes of the parsed expression (conditions, properties, literals, list items).</summary>
    [Range(10, 10_000)]
    public int Nodes { get; set; } = 1_000;

    /// <summary>Most spatial predicates (S_INTERSECTS): each is a geometry test per candidate feature.</summary>
    [Range(1, 100)]
    public int SpatialPredicates { get; set; } = 10;

    /// <summary>Most items of all IN lists together.</summary>
    [Range(1, 10_000)]
    public int InItems { get; set; } = 500;

    /// <summary>Most LIKE clauses: each is an automaton built per request.</summary>
    [Range(1, 1_000)]
    public int LikeClauses { get; set; } = 50;

    /// <summary>The deepest nesting of CQL2-JSON that <see cref="Depth"/> allows.</summary>
    public int JsonDepth => 2 * Depth + 2;

    /// <summary>
    /// Throws <see cref="Cql2Exception"/> when <paramref name="text"/> is longer than <see cref="Length"/> or nests
    /// deeper than <see cref="Depth"/> (<see cref="JsonDepth"/> for JSON). Linear in the text, without recursion; texts
    /// in quotes are skipped.
    /// </summary>
    public void CheckText(string text, bool json)
    {
        if (text.Length > Length)
        {
            throw new Cql2Exception(string.Format(Texts.ApiTexts.FilterTooLong, Length, text.Length), "Filter");
        }

        var limit = json ? JsonDepth : Depth;
        var depth = 0;
        var notRun = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (json ? c == '"' : c is '\'' or '"')
            {
                // A quoted text: JSON escapes with a backslash, CQL2 text doubles the quote.
                for (i++; i < text.Length && text[i] != c; i++)
                {
                    if (json && text[i] == '\\')
                    {
                        i++;
                    }
                }

                notRun = 0;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
                notRun = 0;
            }
            else if (!json && (c is 'N' or 'n') && IsWord(text, i, "NOT"))
            {
                notRun++;
                i += 2;
            }
            else if (!char.IsWhiteSpace(c))
            {
                notRun = 0;
            }

            if (depth + notRun > limit)
            {
                throw new Cql2Exception(string.Format(Texts.ApiTexts.FilterTooDeep, limit), Position(text, i));
            }
        }
    }

    /// <summary>Throws <see cref="Cql2Exception"/> when <paramref name="expression"/> is larger than these limits allow.</summary>
    public void CheckSize(Cql2Expression expression)
    {
        var (nodes, spatial, inItems, like) = (0, 0, 0, 0);
        // An explicit stack: the nesting is bounded already, but a count needs no recursion.
        var pending = new Stack<Cql2Expression>();
        pending.Push(expression);
        while (pending.TryPop(out var node))
        {
            nodes++;
            switch (node)
            {
                case Cql2Logical logical:
                    logical.Args.ToList().ForEach(pending.Push);
                    break;
                case Cql2Not not:
                    pending.Push(not.Arg);
                    break;
                case Cql2Comparison comparison:
                    pending.Push(comparison.Left);
                    pending.Push(comparison.Right);
                    break;
                case Cql2Like l:
                    like++;
                    pending.Push(l.Value);
                    pending.Push(l.Pattern);
                    break;
                case Cql2Between between:
                    pending.Push(between.Value);
                    pending.Push(between.Low);
                    pending.Push(between.High);
                    break;
                case Cql2In @in:
                    inItems += @in.List.Count;
                    nodes += @in.List.Count;
                    pending.Push(@in.Value);
                    break;
                case Cql2IsNull isNull:
                    pending.Push(isNull.Value);
                    break;
                case Cql2Intersects intersects:
                    spatial++;
                    pending.Push(intersects.Left);
                    pending.Push(intersects.Right);
                    break;
            }
        }

        Refuse(nodes, Nodes, Texts.ApiTexts.FilterTooManyNodes);
        Refuse(spatial, SpatialPredicates, Texts.ApiTexts.FilterTooManySpatial);
        Refuse(inItems, InItems, Texts.ApiTexts.FilterTooManyInItems);
        Refuse(like, LikeClauses, Texts.ApiTexts.FilterTooManyLike);
    }

    private static void Refuse(int count, int limit, string message)
    {
        if (count > limit)
        {
            throw new Cql2Exception(string.Format(message, limit, count), "Filter");
        }
    }

    private static bool IsWord(string text, int i, string word) =>
        i + word.Length <= text.Length
        && string.Compare(text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (i == 0 || !IsIdentifierChar(text[i - 1]))
        && (i + word.Length == text.Length || !IsIdentifierChar(text[i + word.Length]));

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c is '_' or ':' or '.';

    private static string Position(string text, int index)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            (line, column) = text[i] == '\n' ? (line + 1, 1) : (line, column + 1);
        }

        return string.Format(Texts.ApiTexts.FilterPosition, line, column);
    }
}
