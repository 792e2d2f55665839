using System.Globalization;
using System.Text;
using System.Text.Json;
using Directory.Core.Geo;
using Directory.Core.Snapshot;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace Directory.Core.Managers.Lists;

/// <summary>The export formats.</summary>
public enum ListExportFormat
{
    /// <summary>German-Excel CSV: semicolon, UTF-8 with BOM, decimal comma, dd.MM.yyyy.</summary>
    Csv,

    /// <summary>Excel workbook with one sheet.</summary>
    Xlsx,

    /// <summary>GeoJSON FeatureCollection in WGS84, for GIS.</summary>
    GeoJson,
}

/// <summary>
/// Writes the whole directory (non-public entries included: this is the staff's list) back in the import format,
/// so that exporting and importing again changes nothing. Approximate locations are written without coordinates:
/// the import derives them again from the postcode or the area, as it did the first time.
/// </summary>
public static class ListExport
{
    /// <summary>The header row; every name is one the importer recognises.</summary>
    public static readonly string[] Header =
    [
        "Zertifikatsnummer", "Titel", "Nachname", "Vorname", "AGS", "Gebiet", "Organisation", "Straße", "PLZ", "Ort",
        "E-Mail", "Telefon", "Website", "Zertifiziert am", "Status", "Veröffentlichen", "Ansprechpartner für Familien",
        "Geprüft am", "Breitengrad", "Längengrad",
    ];

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>
    /// Writes <paramref name="managers"/> in <paramref name="format"/> to <paramref name="output"/> (a file the caller
    /// opened, or a response body): the export holds non-public entries, so it is never put in a file of its own.
    /// </summary>
    public static async Task WriteAsync(IEnumerable<FamilyManager> managers, GeographySnapshot geography, ListExportFormat format,
        Stream output, CancellationToken cancellationToken)
    {
        var rows = managers.OrderBy(m => m.AreaKey, StringComparer.Ordinal).ThenBy(m => m.Surname, StringComparer.Ordinal)
            .ThenBy(m => m.FirstName, StringComparer.Ordinal).Select(m => (Manager: m, Cells: Cells(m, geography))).ToList();
        switch (format)
        {
            case ListExportFormat.Csv:
                await WriteCsvAsync(rows.Select(r => r.Cells), output, cancellationToken);
                break;
            case ListExportFormat.Xlsx:
                // The package format seeks while it writes: built in memory, then copied.
                using (var workbook = new MemoryStream())
                {
                    WriteXlsx(rows.Select(r => r.Cells), workbook);
                    workbook.Position = 0;
                    await workbook.CopyToAsync(output, cancellationToken);
                }

                break;
            default:
                await WriteGeoJsonAsync(rows, output, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// Makes a cell safe to open in a spreadsheet: text that starts like a formula (= + - @, tab, CR) gets an
    /// apostrophe, Excel's mark for "this is text". The importer removes it again.
    /// </summary>
    public static string NeutraliseFormula(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string[] Cells(FamilyManager m, GeographySnapshot geography)
    {
        string lat = "", lon = "";
        if (m.LocationSource == LocationSource.Coordinates)
        {
            var (x, y) = Reprojector.Transform(m.Location.X, m.Location.Y, Crs.Etrs89Utm32N, Crs.Wgs84);
            (lat, lon) = (y.ToString("0.0000000", German), x.ToString("0.0000000", German));
        }

        return
        [
            m.CertificateNumber ?? "", m.Title ?? "", m.Surname, m.FirstName, m.AreaKey, geography.Find(m.AreaKey)?.Name ?? "",
            m.Organisation ?? "", m.Street ?? "", m.Postcode ?? "", m.Town ?? "", m.Email ?? "", m.Phone ?? "", m.Website ?? "",
            m.CertifiedOn?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "",
            m.Status == ManagerStatus.Active ? "aktiv" : "inaktiv",
            m.PublicationConsent ? "ja" : "nein",
            m.FamilyContact switch { true => "ja", false => "nein", null => "" },
            m.LastCheckedOn?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "",
            lat, lon,
        ];
    }

    private static async Task WriteCsvAsync(IEnumerable<string[]> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(';', Header).AsMemory(), cancellationToken);
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(string.Join(';', row.Select(cell => Quote(NeutraliseFormula(cell)))).AsMemory(), cancellationToken);
        }
    }

    /// <summary>Quotes a CSV field (RFC 4180) when it holds the separator <c>;</c>, a quote or a line break.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static void WriteXlsx(IEnumerable<string[]> rows, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var worksheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(worksheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, Header);
            foreach (var row in rows)
            {
                WriteRow(writer, row);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Familienmanager" });
        workbook.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<string> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in cells)
        {
            // Inline text cells only: a value that looks like a formula stays text, Excel never evaluates it.
            writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
        }

        writer.WriteEndElement();
    }

    private static async Task WriteGeoJsonAsync(IEnumerable<(FamilyManager Manager, string[] Cells)> rows, Stream output,
        CancellationToken cancellationToken)
    {
        var collection = new FeatureCollection();
        foreach (var (manager, cells) in rows)
        {
            var attributes = new AttributesTable();
            for (var i = 0; i < Header.Length - 2; i++)
            {
                attributes.Add(Header[i], cells[i]);
            }

            attributes.Add("Lage ungefähr", manager.IsApproximate);
            collection.Add(new Feature(CoordinateRounding.Round(Reprojector.Transform(manager.Location, Crs.Wgs84), 7), attributes));
        }

        var options = new JsonSerializerOptions { WriteIndented = false };
        options.Converters.Add(new GeoJsonConverterFactory());
        await JsonSerializer.SerializeAsync(output, collection, options, cancellationToken);
    }
}
