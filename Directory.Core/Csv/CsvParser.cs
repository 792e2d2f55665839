using System.Text;

namespace Directory.Core.Csv;

/// <summary>
/// Splits CSV text into records per RFC 4180: fields in double quotes may hold the delimiter, line breaks and
/// doubled quotes. Empty lines are skipped (but counted as rows). Reads as it goes, and the limits on fields per
/// record and characters per field bound the memory any input can take.
/// </summary>
public static class CsvParser
{
    /// <summary>Reads all records from <paramref name="reader"/>.</summary>
    /// <exception cref="CsvFormatException">A quoted field is not closed, or a limit is exceeded.</exception>
    public static IEnumerable<CsvRecord> Parse(TextReader reader, char delimiter, int maxFields = int.MaxValue,
        int maxFieldLength = int.MaxValue)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var row = 1;
        var recordStart = 1;
        var inQuotes = false;
        var fieldStarted = false;

        void EndField()
        {
            if (fields.Count >= maxFields)
            {
                throw new CsvFormatException(CsvFormatError.TooManyFields, recordStart, row);
            }

            fields.Add(field.ToString());
            field.Clear();
        }

        void Append(char ch)
        {
            if (field.Length >= maxFieldLength)
            {
                throw new CsvFormatException(CsvFormatError.FieldTooLong, recordStart, row);
            }

            field.Append(ch);
        }

        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    Append(ch);
                }

                continue;
            }

            if (ch == '"' && field.Length == 0)
            {
                inQuotes = true;
                fieldStarted = true;
            }
            else if (ch == delimiter)
            {
                EndField();
                fieldStarted = true;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                if (fieldStarted || field.Length > 0 || fields.Count > 0)
                {
                    EndField();
                    yield return new CsvRecord(recordStart, fields.ToArray()) { RowNumber = row };
                }

                fields.Clear();
                field.Clear();
                fieldStarted = false;
                line++;
                row++;
                recordStart = line;
            }
            else
            {
                Append(ch);
            }
        }

        if (inQuotes)
        {
            throw new CsvFormatException(CsvFormatError.UnclosedQuote, recordStart, row);
        }

        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            EndField();
            yield return new CsvRecord(recordStart, fields.ToArray()) { RowNumber = row };
        }
    }
}
