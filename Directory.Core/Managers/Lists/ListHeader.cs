using Directory.Core.Geography;

namespace Directory.Core.Managers.Lists;

/// <summary>
/// The header row of a list: which column holds which field. Headers are matched case-, space-, hyphen- and
/// umlaut-insensitively against German names and synonyms (docs/list-format.md lists them all).
/// </summary>
public sealed class ListHeader
{
    /// <summary>The synonyms of each field, normalised with <see cref="NameFolding.Normalize"/>.</summary>
    public static readonly IReadOnlyDictionary<ListField, string[]> Synonyms = new Dictionary<ListField, string[]>
    {
        [ListField.CertificateNumber] = ["zertifikatsnummer", "zertifikatnummer", "zertifikatnr", "zertifikatsnr", "zertnr", "zertifikat", "zertifikatsid", "zertifikatsnummernr"],
        [ListField.Surname] = ["nachname", "familienname", "zuname"],
        [ListField.FirstName] = ["vorname", "rufname"],
        [ListField.FullName] = ["name", "namevorname", "nachnamevorname", "vornamenachname", "person"],
        [ListField.Title] = ["titel", "akademischertitel", "akadgrad", "akademischergrad"],
        [ListField.AreaKey] = ["ags", "gemeindeschluessel", "kreisschluessel", "amtlichergemeindeschluessel", "regionalschluessel", "ars", "gebietsschluessel", "schluessel"],
        [ListField.AreaName] = ["kommune", "gemeinde", "stadt", "kreis", "gebiet", "stadtgemeinde", "gebietskoerperschaft", "zustaendigfuer", "einsatzgebiet", "kommunekreis"],
        [ListField.Organisation] = ["organisation", "dienststelle", "fachbereich", "einrichtung", "behoerde", "amt", "traeger"],
        [ListField.Street] = ["strasse", "str", "strassehausnummer", "strasseundhausnummer", "anschrift", "adresse"],
        [ListField.Postcode] = ["plz", "postleitzahl"],
        [ListField.Town] = ["ort", "dienstort"],
        [ListField.Email] = ["email", "mail", "emailadresse"],
        [ListField.Phone] = ["telefon", "tel", "telefonnummer", "rufnummer", "fon"],
        [ListField.Website] = ["website", "webseite", "internet", "internetseite", "homepage", "url"],
        [ListField.CertifiedOn] = ["zertifiziertam", "zertifizierungsdatum", "zertifiziert", "datumderzertifizierung", "zertifikatsdatum"],
        [ListField.Status] = ["status"],
        [ListField.Consent] = ["veroeffentlichen", "veroeffentlichung", "einwilligung", "freigabe", "oeffentlich", "veroeffentlichungerlaubt"],
        [ListField.FamilyContact] = ["ansprechpartnerfuerfamilien", "ansprechpartnerinfuerfamilien", "ansprechpartnerinnenfuerfamilien", "ansprechpartnerfamilien", "kontaktfuerfamilien", "anlaufstellefuerfamilien", "familienkontakt"],
        // Recognised so that an export imports without a note, and ignored: an import checks every entry it contains today.
        [ListField.LastChecked] = ["geprueftam", "zuletztgeprueft", "letztepruefung", "geprueft"],
        [ListField.Latitude] = ["breitengrad", "breite", "lat", "latitude", "geogrbreite"],
        [ListField.Longitude] = ["laengengrad", "laenge", "lon", "lng", "longitude", "geogrlaenge"],
        [ListField.Easting] = ["rechtswert", "ostwert", "easting"],
        [ListField.Northing] = ["hochwert", "nordwert", "northing"],
    };

    private static readonly Dictionary<string, ListField> FieldByName =
        Synonyms.SelectMany(p => p.Value.Select(name => (name, p.Key))).ToDictionary(p => p.name, p => p.Key);

    private ListHeader(int rowNumber, Dictionary<ListField, int> columns, Dictionary<int, string> names, List<string> unused,
        RegionLevel areaNameLevel)
    {
        RowNumber = rowNumber;
        Columns = columns;
        Names = names;
        Unused = unused;
        AreaNameLevel = areaNameLevel;
    }

    /// <summary>The header's row number.</summary>
    public int RowNumber { get; }

    /// <summary>The column index of each field found.</summary>
    public IReadOnlyDictionary<ListField, int> Columns { get; }

    /// <summary>The header text of each column, as staff wrote it (for reports).</summary>
    public IReadOnlyDictionary<int, string> Names { get; }

    /// <summary>Header texts of columns that match no field (reported, then ignored).</summary>
    public IReadOnlyList<string> Unused { get; }

    /// <summary>What an area name means: a Kreis when the column is called "Kreis", else a Gemeinde.</summary>
    public RegionLevel AreaNameLevel { get; }

    /// <summary>True when the list has the field.</summary>
    public bool Has(ListField field) => Columns.ContainsKey(field);

    /// <summary>The header text of a field's column, for reports.</summary>
    public string NameOf(ListField field) => Names[Columns[field]];

    /// <summary>The field a header text stands for, or null.</summary>
    public static ListField? FieldOf(string header) =>
        FieldByName.TryGetValue(NameFolding.Normalize(header), out var field) ? field : null;

    /// <summary>
    /// The first row with at least three recognised headers; title rows above it are skipped. Null if none of the
    /// rows qualifies.
    /// </summary>
    public static ListHeader? Find(IEnumerable<ListRow> rows)
    {
        foreach (var row in rows)
        {
            var recognised = row.Cells.Count(c => FieldOf(c.Text) is not null);
            if (recognised >= 3)
            {
                return FromRow(row);
            }
        }

        return null;
    }

    private static ListHeader FromRow(ListRow row)
    {
        var columns = new Dictionary<ListField, int>();
        var names = new Dictionary<int, string>();
        var unused = new List<string>();
        var areaNameLevel = RegionLevel.Gemeinde;
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var text = row.Cells[i].Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            names[i] = text;
            if (FieldOf(text) is { } field && !columns.ContainsKey(field))
            {
                columns[field] = i;
                if (field == ListField.AreaName && NameFolding.Normalize(text) == "kreis")
                {
                    areaNameLevel = RegionLevel.Kreis;
                }
            }
            else
            {
                unused.Add(text);
            }
        }

        // "Name" beside "Vorname" is the surname; alone it holds both names.
        if (columns.TryGetValue(ListField.FullName, out var nameColumn) && columns.ContainsKey(ListField.FirstName)
                                                                         && !columns.ContainsKey(ListField.Surname))
        {
            columns.Remove(ListField.FullName);
            columns[ListField.Surname] = nameColumn;
        }

        return new ListHeader(row.RowNumber, columns, names, unused, areaNameLevel);
    }
}
