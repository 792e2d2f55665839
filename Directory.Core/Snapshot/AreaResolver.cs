using Directory.Core.Geography;

namespace Directory.Core.Snapshot;

/// <summary>The region an area cell names, or why none.</summary>
/// <param name="Region">The Gemeinde or Kreis found.</param>
/// <param name="Suggestions">For an unknown name, the closest names ("Meinten Sie …?").</param>
public sealed record AreaResolution(Region? Region, IReadOnlyList<string> Suggestions);

/// <summary>
/// Resolves what staff write for the area a family manager works for: an 8-digit AGS, a 5-digit Kreis key, a
/// 12-digit Regionalschlüssel, or a name, forgiving case, umlauts written as ae/oe/ue or without e, and the prefixes
/// "Stadt", "Kreis", "Gemeinde".
/// </summary>
public sealed class AreaResolver
{
    private static readonly string[] Affixes = ["kreisfreiestadt", "landkreis", "gemeinde", "stadt", "kreis"];

    private readonly GeographySnapshot geography;
    private readonly Dictionary<string, List<Region>> municipalitiesByName = new();
    private readonly Dictionary<string, List<Region>> districtsByName = new();

    /// <summary>Indexes the names of <paramref name="geography"/>.</summary>
    public AreaResolver(GeographySnapshot geography)
    {
        this.geography = geography;
        foreach (var municipality in geography.Municipalities)
        {
            AddNames(municipalitiesByName, municipality);
        }

        foreach (var district in geography.Districts)
        {
            AddNames(districtsByName, district);
        }
    }

    /// <summary>Resolves a key: AGS (8 digits), Kreis (5) or Regionalschlüssel (12, as AGS digits 1–5 and 10–12).</summary>
    public Region? ResolveKey(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != text.Count(c => !char.IsWhiteSpace(c)))
        {
            return null;
        }

        var region = RegionKey.FromDigits(digits) is { } key ? geography.Find(key) : null;
        return region?.Level is RegionLevel.Gemeinde or RegionLevel.Kreis ? region : null;
    }

    /// <summary>
    /// Resolves a name, looking first at <paramref name="preferred"/> (the column said "Kreis" or "Gemeinde") and then
    /// at the other level. A kreisfreie Stadt is both; the preferred level decides.
    /// </summary>
    public AreaResolution ResolveName(string text, RegionLevel preferred)
    {
        var (first, second) = preferred == RegionLevel.Kreis
            ? (districtsByName, municipalitiesByName)
            : (municipalitiesByName, districtsByName);
        // Exact spellings before stripped ones: "Kreis Olpe" is the Kreis even in a column called "Gemeinde".
        var exact = new[] { NameFolding.Normalize(text), NameFolding.NormalizeWithoutUmlautE(text) };
        var stripped = exact.Select(Stripped).ToArray();
        foreach (var keys in new[] { exact, stripped })
        {
            foreach (var index in new[] { first, second })
            {
                foreach (var key in keys)
                {
                    if (index.TryGetValue(key, out var found) && found.Count == 1)
                    {
                        return new AreaResolution(found[0], []);
                    }
                }
            }
        }

        var wanted = Stripped(NameFolding.Normalize(text));
        var suggestions = first.Concat(second)
            .Select(p => (Name: p.Value[0].Level == RegionLevel.Kreis ? p.Value[0].Name : p.Value[0].Name, Distance: NameFolding.Distance(wanted, p.Key)))
            .Where(p => p.Distance <= Math.Max(2, wanted.Length / 3))
            .OrderBy(p => p.Distance).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name)
            .Distinct()
            .Take(3)
            .ToList();
        return new AreaResolution(null, suggestions);
    }

    private static IEnumerable<string> Keys(string name)
    {
        var withE = NameFolding.Normalize(name);
        var withoutE = NameFolding.NormalizeWithoutUmlautE(name);
        return new[] { withE, Stripped(withE), withoutE, Stripped(withoutE) }.Where(k => k.Length > 0).Distinct();
    }

    private static string Stripped(string normalized)
    {
        foreach (var affix in Affixes)
        {
            if (normalized.StartsWith(affix, StringComparison.Ordinal) && normalized.Length > affix.Length + 2)
            {
                return normalized[affix.Length..];
            }

            if (normalized.EndsWith(affix, StringComparison.Ordinal) && normalized.Length > affix.Length + 2)
            {
                return normalized[..^affix.Length];
            }
        }

        return normalized;
    }

    private static void AddNames(Dictionary<string, List<Region>> index, Region region)
    {
        foreach (var key in Keys(region.Name).Concat(Keys(region.OfficialName)).Distinct())
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            if (!list.Contains(region))
            {
                list.Add(region);
            }
        }
    }
}
