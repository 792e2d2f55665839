namespace Directory.Core.Csv;

/// <summary>The CSV text is malformed: a quoted field that starts in <see cref="LineNumber"/> is never closed.</summary>
public sealed class CsvFormatException(int lineNumber)
    : FormatException($"A quoted field that starts in line {lineNumber} is not closed.")
{
    /// <summary>The 1-based line where the unclosed field starts.</summary>
    public int LineNumber { get; } = lineNumber;
}
