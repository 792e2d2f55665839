using System.IO.Compression;
using System.Text;
using Directory.Core.Csv;
using Directory.Core.Texts;
using ExcelDataReader;

namespace Directory.Core.Managers.Lists;

/// <summary>
/// Opens a list file as it comes from staff: CSV (separator <c>;</c>, <c>,</c> or tab; UTF-8 with or without BOM,
/// UTF-16 with BOM, or Windows-1252, detected), .xlsx or .xls (first sheet or a named one). Rows are read as they
/// are enumerated, so a large file never sits in memory whole.
/// </summary>
public sealed class ListSource
{
    static ListSource()
    {
        // .xls files and Windows-1252 text need the legacy code pages.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private readonly Func<IEnumerable<ListRow>> rows;

    private ListSource(string format, Func<IEnumerable<ListRow>> rows)
    {
        Format = format;
        this.rows = rows;
    }

    /// <summary>How the file was read, in German, e.g. "CSV, Trennzeichen „;“, Windows-1252".</summary>
    public string Format { get; }

    /// <summary>The rows, read from the file on each enumeration.</summary>
    public IEnumerable<ListRow> Rows => rows();

    /// <summary>Opens <paramref name="file"/>; throws <see cref="ListFileException"/> with a German reason.</summary>
    public static ListSource Open(ListFile file, ListLimits limits, string? sheet = null)
    {
        var fileName = file.Name;
        var length = file.Length;
        if (length > limits.MaxFileBytes)
        {
            throw new ListFileException(string.Format(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), ListTexts.FileTooLarge,
                fileName, length / 1024.0 / 1024.0, limits.MaxFileBytes / 1024 / 1024));
        }

        if (length == 0)
        {
            throw new ListFileException(string.Format(ListTexts.FileEmpty, fileName));
        }

        Span<byte> head = stackalloc byte[8];
        int headLength;
        using (var stream = file.Open())
        {
            headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = headLength >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        var isOle = headLength >= 8 && head[..8].SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 });
        if (extension is ".xlsx" or ".xlsm" || isZip)
        {
            if (!isZip)
            {
                throw new ListFileException(string.Format(ListTexts.NotASpreadsheet, fileName, "xlsx"));
            }

            CheckZip(file, limits);
            return Spreadsheet(file, "Excel (.xlsx)", sheet, limits);
        }

        if (extension == ".xls" || isOle)
        {
            if (!isOle)
            {
                throw new ListFileException(string.Format(ListTexts.NotASpreadsheet, fileName, "xls"));
            }

            return Spreadsheet(file, "Excel (.xls)", sheet, limits);
        }

        return Csv(file, limits);
    }

    private static void CheckZip(ListFile file, ListLimits limits)
    {
        var fileName = file.Name;
        try
        {
            using var zip = new ZipArchive(file.Open(), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > limits.MaxUncompressedBytes)
                {
                    throw new ListFileException(string.Format(ListTexts.ZipTooLarge, fileName, limits.MaxUncompressedBytes / 1024 / 1024));
                }
            }

            if (zip.GetEntry("xl/workbook.xml") is null)
            {
                throw new ListFileException(string.Format(ListTexts.NotASpreadsheet, fileName, "xlsx"));
            }
        }
        catch (InvalidDataException)
        {
            throw new ListFileException(string.Format(ListTexts.NotASpreadsheet, fileName, "xlsx"));
        }
    }

    private static ListSource Spreadsheet(ListFile file, string format, string? sheet, ListLimits limits)
    {
        // Open once now, so that a damaged file or a missing sheet is reported before any row is read.
        using (var probe = OpenSheet(file, sheet))
        {
        }

        return new ListSource(sheet is null ? format : $"{format}, Blatt „{sheet}“", () => ReadSheet(file, sheet, limits));
    }

    private static IExcelDataReader OpenSheet(ListFile file, string? sheet)
    {
        var fileName = file.Name;
        var stream = file.Open();
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = false });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stream.Dispose();
            throw new ListFileException(string.Format(ListTexts.SpreadsheetUnreadable, fileName));
        }

        if (sheet is not null)
        {
            var names = new List<string>();
            do
            {
                if (string.Equals(reader.Name, sheet, StringComparison.OrdinalIgnoreCase))
                {
                    return reader;
                }

                names.Add(reader.Name);
            }
            while (reader.NextResult());

            reader.Dispose();
            throw new ListFileException(string.Format(ListTexts.SheetMissing, fileName, sheet, string.Join("“, „", names)));
        }

        return reader;
    }

    private static IEnumerable<ListRow> ReadSheet(ListFile file, string? sheet, ListLimits limits)
    {
        var fileName = file.Name;
        using var reader = OpenSheet(file, sheet);
        var rowNumber = 0;
        while (true)
        {
            bool more;
            try
            {
                more = reader.Read();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not ListFileException)
            {
                throw new ListFileException(string.Format(ListTexts.SpreadsheetUnreadable, fileName));
            }

            if (!more)
            {
                yield break;
            }

            rowNumber++;
            if (reader.FieldCount > limits.MaxColumns)
            {
                throw new ListFileException(string.Format(ListTexts.TooManyColumns, fileName, rowNumber, reader.FieldCount, limits.MaxColumns));
            }

            var cells = new ListCell[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetValue(i) switch
                {
                    null => ListCell.Empty,
                    DateTime date => new ListCell(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Date: date),
                    double number => new ListCell(number.ToString("R", System.Globalization.CultureInfo.InvariantCulture), Number: number),
                    bool flag => new ListCell(flag ? "ja" : "nein"),
                    var other => new ListCell(Truncate(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "", fileName, rowNumber, limits)),
                };
            }

            yield return new ListRow(rowNumber, cells);
        }
    }

    private static string Truncate(string text, string fileName, int row, ListLimits limits) =>
        text.Length <= limits.MaxCellLength
            ? text
            : throw new ListFileException(string.Format(ListTexts.CellTooLong, fileName, row, limits.MaxCellLength));

    private static ListSource Csv(ListFile file, ListLimits limits)
    {
        var encoding = DetectEncoding(file);
        var delimiter = DetectDelimiter(file, encoding);
        var delimiterName = delimiter == '\t' ? "Tabulator" : $"„{delimiter}“";
        return new ListSource($"CSV, Trennzeichen {delimiterName}, {encoding.WebName.ToUpperInvariant()}",
            () => ReadCsv(file, encoding, delimiter, limits));
    }

    private static IEnumerable<ListRow> ReadCsv(ListFile file, Encoding encoding, char delimiter, ListLimits limits)
    {
        var fileName = file.Name;
        using var reader = new StreamReader(file.Open(), encoding, detectEncodingFromByteOrderMarks: true);
        using var records = CsvParser.Parse(reader, delimiter, limits.MaxColumns, limits.MaxCellLength).GetEnumerator();
        while (true)
        {
            try
            {
                if (!records.MoveNext())
                {
                    yield break;
                }
            }
            catch (CsvFormatException ex)
            {
                throw new ListFileException(ex.Error switch
                {
                    CsvFormatError.TooManyFields => string.Format(ListTexts.TooManyColumns, fileName, ex.RowNumber, $"> {limits.MaxColumns}", limits.MaxColumns),
                    CsvFormatError.FieldTooLong => string.Format(ListTexts.CellTooLong, fileName, ex.RowNumber, limits.MaxCellLength),
                    _ => string.Format(ListTexts.QuoteNotClosed, fileName, ex.RowNumber),
                });
            }

            var record = records.Current;
            yield return new ListRow(record.RowNumber, record.Fields.Select(f => new ListCell(f)).ToArray());
        }
    }

    /// <summary>
    /// UTF-16 and UTF-8 by their byte order marks; otherwise UTF-8 if every byte sequence is valid UTF-8 (checked over
    /// the whole file, streaming), else Windows-1252, what German Excel writes. NUL bytes mean binary data.
    /// </summary>
    private static Encoding DetectEncoding(ListFile file)
    {
        var fileName = file.Name;
        using var stream = file.Open();
        Span<byte> bom = stackalloc byte[3];
        var read = stream.ReadAtLeast(bom, bom.Length, throwOnEndOfStream: false);
        if (read >= 2 && ((bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF)))
        {
            return bom[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
        }

        stream.Position = read >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF ? 3 : 0;
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[64 * 1024 + 4];
        var validUtf8 = true;
        int n;
        while ((n = stream.Read(bytes)) > 0)
        {
            if (bytes.AsSpan(0, n).Contains((byte)0))
            {
                throw new ListFileException(string.Format(ListTexts.BinaryFile, fileName));
            }

            if (validUtf8)
            {
                try
                {
                    decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
                }
                catch (DecoderFallbackException)
                {
                    validUtf8 = false;
                }
            }
        }

        return validUtf8 ? new UTF8Encoding(false) : Encoding.GetEncoding(1252);
    }

    /// <summary>
    /// The separator that occurs most often outside quotes in one of the first lines (the header has many); on a tie
    /// <c>;</c> before tab before <c>,</c>, since German Excel writes <c>;</c> and decimal commas inflate the count of <c>,</c>.
    /// </summary>
    private static char DetectDelimiter(ListFile file, Encoding encoding)
    {
        using var reader = new StreamReader(file.Open(), encoding, detectEncodingFromByteOrderMarks: true);
        var best = (Delimiter: ';', Count: 0);
        for (var i = 0; i < 30 && reader.ReadLine() is { } line; i++)
        {
            foreach (var candidate in new[] { ';', '\t', ',' })
            {
                var count = 0;
                var quoted = false;
                foreach (var ch in line)
                {
                    if (ch == '"')
                    {
                        quoted = !quoted;
                    }
                    else if (ch == candidate && !quoted)
                    {
                        count++;
                    }
                }

                if (count > best.Count)
                {
                    best = (candidate, count);
                }
            }
        }

        return best.Delimiter;
    }
}
