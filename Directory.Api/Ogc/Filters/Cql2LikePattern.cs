namespace Directory.Api.Ogc.Filters;

/// <summary>
/// A CQL2 LIKE pattern: <c>%</c> any run of characters, <c>_</c> one character, a backslash makes the next one
/// literal. Matched by the greedy wildcard walk that keeps only its last <c>%</c> to return to, so a value is read at
/// most once per pattern element — O(value × pattern), never the exponential time a backtracking regular expression
/// takes on <c>%a%a%a…%b</c>, and with no time-out that could end a request in a 500.
/// </summary>
public sealed class Cql2LikePattern
{
    private const char AnyRun = '%';
    private const char AnyOne = '_';

    // The pattern's elements: a character, or one of the two wildcards (a wildcard escaped is a character).
    private readonly char[] chars;
    private readonly bool[] wildcard;

    /// <summary>Reads <paramref name="pattern"/>.</summary>
    public Cql2LikePattern(string pattern)
    {
        var c = new List<char>(pattern.Length);
        var w = new List<bool>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var escaped = pattern[i] == '\\' && i + 1 < pattern.Length;
            var ch = escaped ? pattern[++i] : pattern[i];
            c.Add(ch);
            w.Add(!escaped && ch is AnyRun or AnyOne);
        }

        (chars, wildcard) = (c.ToArray(), w.ToArray());
    }

    /// <summary>Whether the whole of <paramref name="value"/> matches.</summary>
    public bool Matches(string value)
    {
        int v = 0, p = 0, lastRun = -1, resumeAt = 0;
        while (v < value.Length)
        {
            if (p < chars.Length && wildcard[p] && chars[p] == AnyRun)
            {
                // Try the run empty first; on a mismatch it takes one more character.
                (lastRun, resumeAt) = (p++, v);
            }
            else if (p < chars.Length && (wildcard[p] ? chars[p] == AnyOne : chars[p] == value[v]))
            {
                (v, p) = (v + 1, p + 1);
            }
            else if (lastRun >= 0)
            {
                (p, v) = (lastRun + 1, ++resumeAt);
            }
            else
            {
                return false;
            }
        }

        while (p < chars.Length && wildcard[p] && chars[p] == AnyRun)
        {
            p++;
        }

        return p == chars.Length;
    }
}
