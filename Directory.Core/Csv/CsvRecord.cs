namespace Directory.Core.Csv;

/// <summary>One record of a CSV file with the line it starts on (1-based), for reports.</summary>
public sealed record CsvRecord(int LineNumber, IReadOnlyList<string> Fields);
