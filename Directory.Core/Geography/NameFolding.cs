using System.Text;

namespace Directory.Core.Geography;

/// <summary>Normalising the words people write in lists, so that spelling variants meet.</summary>
public static class NameFolding
{
    /// <summary>
    /// Lower case, umlauts as ae/oe/ue, ß as ss, and nothing but letters and digits: "Zert.-Nr." → "zertnr",
    /// "E-Mail" → "email", "Veröffentlichen" → "veroeffentlichen".
    /// </summary>
    public static string Normalize(string text) => Fold(text, umlautsWithE: true);

    /// <summary>As <see cref="Normalize"/>, but umlauts without the e ("Mülheim" → "mulheim"): people type both.</summary>
    public static string NormalizeWithoutUmlautE(string text) => Fold(text, umlautsWithE: false);

    private static string Fold(string text, bool umlautsWithE)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
        {
            switch (ch)
            {
                case 'ä': builder.Append(umlautsWithE ? "ae" : "a"); break;
                case 'ö': builder.Append(umlautsWithE ? "oe" : "o"); break;
                case 'ü': builder.Append(umlautsWithE ? "ue" : "u"); break;
                case 'ß': builder.Append("ss"); break;
                case 'é' or 'è' or 'ê': builder.Append('e'); break;
                default:
                    if (char.IsAsciiLetterOrDigit(ch))
                    {
                        builder.Append(ch);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Edit distance (insertions, deletions, substitutions), for "Meinten Sie …?".</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
