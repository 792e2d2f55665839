using System.Text;

namespace Directory.Core.Csv;

/// <summary>
/// Splits CSV text into records per RFC 4180: fields in double quotes may hold the delimiter, line breaks and
/// doubled quotes. Empty lines are skipped. The delimiter is given by the caller.
/// </summary>
public static class CsvParser
{
    /// <summary>Reads all records from <paramref name="reader"/>.</summary>
    /// <exception cref="CsvFormatException">A quoted field is not closed before the end of the input.</exception>
    public static IEnumerable<CsvRecord> Parse(TextReader reader, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordStart = 1;
        var inQuotes = false;
        var fieldStarted = false;

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
                        field.Append('"');
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

                    field.Append(ch);
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
                fields.Add(field.ToString());
                field.Clear();
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
                    fields.Add(field.ToString());
                    yield return new CsvRecord(recordStart, fields.ToArray());
                }

                fields.Clear();
                field.Clear();
                fieldStarted = false;
                line++;
                recordStart = line;
            }
            else
            {
                field.Append(ch);
            }
        }

        if (inQuotes)
        {
            throw new CsvFormatException(recordStart);
        }

        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordStart, fields.ToArray());
        }
    }
}
