using System.Globalization;
using Directory.Core.Geo;
using Directory.Core.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Directory.Seeds.Generator;

/// <summary>
/// Invents a certification list for demonstration. Every person is fictional (surnames are German words for
/// "example", "sample", "placeholder" …); the places, keys and postcodes are real, so the list behaves like a real one:
/// three Kreise fully covered, five Kreis-level family offices, the large cities with several managers, many
/// municipalities without one; a few entries without consent, a few inactive, a few without coordinates.
/// </summary>
internal sealed class DemoListGenerator(GeographyData geography, int seed)
{
    public static readonly string[] Header =
    [
        "Zertifikatsnummer", "Titel", "Nachname", "Vorname", "AGS", "Kommune", "Organisation", "Straße", "PLZ", "Ort",
        "E-Mail", "Telefon", "Website", "Zertifiziert am", "Status", "Veröffentlichen", "Ansprechpartner für Familien",
        "Breitengrad", "Längengrad",
    ];

    private static readonly string[] Surnames =
    [
        "Beispiel", "Muster", "Probe", "Exempel", "Vorlage", "Platzhalter", "Fiktiv", "Erfunden", "Modell", "Testfall",
        "Musterfrau", "Mustermann", "Schablone", "Entwurf", "Attrappe", "Skizze", "Prototyp", "Übungsfall", "Stellvertreter", "Annahme",
    ];

    private static readonly string[] FirstNames =
    [
        "Anna", "Bernd", "Carla", "Dieter", "Elif", "Frank", "Greta", "Hakan", "Ines", "Jürgen", "Katja", "Lars", "Marta",
        "Nils", "Özlem", "Paul", "Rita", "Sören", "Tanja", "Uwe", "Vera", "Wiebke", "Yusuf", "Zoë", "Björn", "Jörg", "Günther", "Käthe",
    ];

    private static readonly string[] FullyCoveredDistricts = ["05966", "05554", "05754"]; // Olpe, Borken, Gütersloh
    private static readonly string[] DistrictOffices = ["05958", "05974", "05382", "05170", "05770"]; // HSK, Soest, Rhein-Sieg, Wesel, Minden-Lübbecke
    private static readonly (string Ags, int Managers)[] Cities =
    [
        ("05315000", 4), ("05111000", 3), ("05913000", 3), ("05113000", 2), ("05515000", 2), ("05711000", 2), ("05911000", 2),
        ("05112000", 1), ("05314000", 1), ("05334002", 1), ("05914000", 1), ("05124000", 1),
    ];

    private readonly Random random = new(seed);

    public List<string[]> Generate(int count)
    {
        var byAgs = geography.Municipalities.ToDictionary(m => m.Ags);
        var districts = geography.Districts.ToDictionary(d => d.Key);
        var postcodes = geography.Postcodes.GroupBy(p => p.Ags).ToDictionary(g => g.Key, g => g.Select(p => p.Code).Distinct().ToList());

        var areas = new List<(string Key, bool District)>();
        areas.AddRange(geography.Municipalities.Where(m => FullyCoveredDistricts.Contains(m.DistrictKey)).Select(m => (m.Ags, false)));
        areas.AddRange(DistrictOffices.Select(k => (k, true)));
        foreach (var (ags, managers) in Cities)
        {
            areas.AddRange(Enumerable.Repeat((ags, false), managers));
        }

        var others = geography.Municipalities.Where(m => !FullyCoveredDistricts.Contains(m.DistrictKey) && m.Type != "kreisfreie Stadt")
            .OrderBy(m => m.Ags, StringComparer.Ordinal).ToList();
        while (areas.Count < count)
        {
            areas.Add((others[random.Next(others.Count)].Ags, false));
        }

        var rows = new List<string[]>();
        for (var i = 0; i < count; i++)
        {
            var (key, isDistrict) = areas[i];
            var year = 2016 + random.Next(10);
            var certificate = count <= 9_999 ? $"FM-{year}-{i + 1:000}" : $"FM-{year}-{i + 1:000000}";
            var surname = Surnames[random.Next(Surnames.Length)];
            var firstName = FirstNames[random.Next(FirstNames.Length)];
            var title = random.Next(12) == 0 ? "Dr." : "";
            string placeName, organisation, town, ags, postcode;
            Geometry area;
            if (isDistrict)
            {
                var district = districts[key];
                placeName = district.Name;
                organisation = $"{district.Name}, Familienbüro";
                var seat = geography.Municipalities.FirstOrDefault(m => m.DistrictKey == key && m.Name == district.Seat)
                           ?? geography.Municipalities.First(m => m.DistrictKey == key);
                town = seat.Name;
                ags = seat.Ags;
                area = seat.Boundary;
            }
            else
            {
                var municipality = byAgs[key];
                placeName = municipality.Name;
                organisation = municipality.Type == "Gemeinde"
                    ? $"Gemeinde {municipality.Name}, Familienbüro"
                    : $"Stadt {municipality.Name}, Fachbereich Jugend und Familie";
                town = municipality.Name;
                ags = municipality.Ags;
                area = municipality.Boundary;
            }

            postcode = postcodes.TryGetValue(ags, out var codes) ? codes[random.Next(codes.Count)] : "";
            var slug = Slug(placeName);
            var noCoordinates = i % 19 == 7;
            var (lat, lon) = noCoordinates ? ("", "") : RandomPointIn(area);
            rows.Add(
            [
                certificate, title, surname, firstName, key, isDistrict ? placeName : placeName, organisation,
                $"{(random.Next(2) == 0 ? "Rathausplatz" : "Musterstraße")} {1 + random.Next(40)}",
                i % 23 == 11 ? "" : postcode, town,
                $"{Slug(firstName)}.{Slug(surname)}@{slug}.example",
                $"0{2000 + random.Next(7999)} {100000 + random.Next(899999)}",
                $"https://www.{slug}.example/familie",
                new DateTime(year, 1 + random.Next(12), 1 + random.Next(28)).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                i % 29 == 13 ? "inaktiv" : "aktiv",
                i % 24 == 5 ? "nein" : "ja",
                // Without the random generator, so that the other columns stay as they were before this one existed.
                (i % 3) switch { 0 => "ja", 1 => "nein", _ => "" },
                lat, lon,
            ]);
        }

        return rows;
    }

    /// <summary>A point inside the area, in WGS84 with German decimal commas.</summary>
    private (string Lat, string Lon) RandomPointIn(Geometry area)
    {
        var prepared = PreparedGeometryFactory.Prepare(area);
        var envelope = area.EnvelopeInternal;
        var factory = area.Factory;
        while (true)
        {
            var point = factory.CreatePoint(new Coordinate(
                envelope.MinX + (random.NextDouble() * envelope.Width),
                envelope.MinY + (random.NextDouble() * envelope.Height)));
            if (prepared.Contains(point))
            {
                var (lon, lat) = Reprojector.Transform(point.X, point.Y, Crs.Etrs89Utm32N, Crs.Wgs84);
                var german = CultureInfo.GetCultureInfo("de-DE");
                return (Math.Round(lat, 6).ToString("0.000000", german), Math.Round(lon, 6).ToString("0.000000", german));
            }
        }
    }

    private static string Slug(string name) => Directory.Core.Geography.NameFolding.Normalize(name);
}
