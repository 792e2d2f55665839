using Directory.Core.Geography;

namespace Directory.Core.Snapshot;

/// <summary>
/// Autocomplete over municipalities, localities of the postcode list and postcodes. Names match from the start of
/// the name or of any word in it, forgiving case and umlauts ("Muenster", "Mulheim", "koln"); digits match
/// postcodes. Ranked: exact match, then municipalities before localities, then by population.
/// </summary>
public sealed class PlaceIndex
{
    private readonly List<(Place Place, string[] Keys)> places = [];

    /// <summary>Builds the index from the snapshot's municipalities and postcode places.</summary>
    public PlaceIndex(IReadOnlyList<Region> municipalities, IReadOnlyDictionary<string, IReadOnlyList<PostcodePlace>> postcodes)
    {
        var byAgs = municipalities.ToDictionary(m => m.Key);
        var localities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var municipality in municipalities)
        {
            Add(new Place(municipality.Name, PlaceKind.Gemeinde, municipality.Key, null, municipality.LabelPoint, municipality.Population));
        }

        foreach (var (code, codePlaces) in postcodes)
        {
            var first = codePlaces[0];
            var town = byAgs.TryGetValue(first.Ags, out var m) ? m : null;
            Add(new Place($"{code} {town?.Name ?? first.Place}", PlaceKind.Postleitzahl, first.Ags, code, first.Location, town?.Population ?? 0));
            foreach (var place in codePlaces)
            {
                var home = byAgs.GetValueOrDefault(place.Ags);
                if (home is not null && !string.Equals(place.Place, home.Name, StringComparison.OrdinalIgnoreCase)
                    && localities.Add($"{place.Place} ({home.Name})"))
                {
                    Add(new Place($"{place.Place} ({home.Name})", PlaceKind.Ort, place.Ags, place.Code, place.Location, home.Population / 10));
                }
            }
        }
    }

    /// <summary>Places matching <paramref name="query"/> (at least 2 characters), best first.</summary>
    public IReadOnlyList<Place> Search(string query, int limit)
    {
        var trimmed = query.Trim();
        if (trimmed.Length < 2)
        {
            return [];
        }

        if (trimmed.All(char.IsAsciiDigit))
        {
            return places.Where(p => p.Place.Kind == PlaceKind.Postleitzahl && p.Place.Postcode!.StartsWith(trimmed, StringComparison.Ordinal))
                .Select(p => p.Place).OrderBy(p => p.Postcode, StringComparer.Ordinal).Take(limit).ToList();
        }

        var wanted = new[] { NameFolding.Normalize(trimmed), NameFolding.NormalizeWithoutUmlautE(trimmed) }.Distinct().ToArray();
        return places
            .Where(p => p.Place.Kind != PlaceKind.Postleitzahl)
            .Select(p => (p.Place, Score: Score(p.Keys, wanted)))
            .Where(p => p.Score > 0)
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.Place.Kind)
            .ThenByDescending(p => p.Place.Population)
            .ThenBy(p => p.Place.Label, StringComparer.Ordinal)
            .Take(limit)
            .Select(p => p.Place)
            .ToList();
    }

    /// <summary>
    /// The best place for <paramref name="query"/>, or null. A suggestion's own label ("Rhode (Olpe)", "57462 Olpe")
    /// finds that very place.
    /// </summary>
    public Place? Best(string query) =>
        places.Select(p => p.Place).FirstOrDefault(p => string.Equals(p.Label, query.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? Search(query, 1).FirstOrDefault();

    /// <summary>The place of a postcode (exact match), or null.</summary>
    public Place? Postcode(string code) =>
        places.FirstOrDefault(p => p.Place.Kind == PlaceKind.Postleitzahl && p.Place.Postcode == code).Place;

    private void Add(Place place)
    {
        // The name without the parenthesised municipality, whole and from each word on ("Mülheim an der Ruhr" is
        // found by "ruhr"), in both umlaut spellings.
        var name = place.Kind == PlaceKind.Ort ? place.Label[..place.Label.LastIndexOf(" (", StringComparison.Ordinal)] : place.Label;
        var words = name.Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        var keys = Enumerable.Range(0, words.Length)
            .Select(i => string.Join(' ', words[i..]))
            .SelectMany(s => new[] { NameFolding.Normalize(s), NameFolding.NormalizeWithoutUmlautE(s) })
            .Where(k => k.Length > 0)
            .Distinct()
            .ToArray();
        places.Add((place, keys));
    }

    private static int Score(string[] keys, string[] wanted)
    {
        var full = keys[0..Math.Min(2, keys.Length)];
        if (wanted.Any(w => full.Contains(w)))
        {
            return 3; // the whole name
        }

        if (wanted.Any(w => full.Any(k => k.StartsWith(w, StringComparison.Ordinal))))
        {
            return 2; // the start of the name
        }

        return wanted.Any(w => keys.Any(k => k.StartsWith(w, StringComparison.Ordinal))) ? 1 : 0; // a later word
    }
}
