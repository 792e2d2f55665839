namespace Directory.Core.Csv;

/// <summary>Why a CSV text cannot be read.</summary>
public enum CsvFormatError
{
    /// <summary>A quoted field is never closed.</summary>
    UnclosedQuote,

    /// <summary>A record has more fields than allowed.</summary>
    TooManyFields,

    /// <summary>A field is longer than allowed.</summary>
    FieldTooLong,
}

/// <summary>The CSV text is malformed or exceeds a limit, in the record that starts in <see cref="LineNumber"/>.</summary>
public sealed class CsvFormatException(CsvFormatError error, int lineNumber, int rowNumber)
    : FormatException($"CSV error {error} in the record that starts in line {lineNumber}.")
{
    /// <summary>What is wrong.</summary>
    public CsvFormatError Error { get; } = error;

    /// <summary>The 1-based line where the record starts.</summary>
    public int LineNumber { get; } = lineNumber;

    /// <summary>The record's row number as a spreadsheet shows it.</summary>
    public int RowNumber { get; } = rowNumber;
}
