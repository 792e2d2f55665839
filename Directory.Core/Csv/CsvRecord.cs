namespace Directory.Core.Csv;

/// <summary>
/// One record of a CSV file. <see cref="RowNumber"/> counts records as a spreadsheet shows them as rows (blank lines
/// included, a field with line breaks still one row); <see cref="LineNumber"/> is the text line where it starts.
/// </summary>
public sealed record CsvRecord(int LineNumber, IReadOnlyList<string> Fields)
{
    /// <summary>The row as Excel numbers it when it opens the file.</summary>
    public int RowNumber { get; init; } = LineNumber;
}
