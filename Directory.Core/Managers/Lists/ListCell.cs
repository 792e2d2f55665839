namespace Directory.Core.Managers.Lists;

/// <summary>
/// One cell of a list as read: its text, and for spreadsheet cells the typed number or date Excel stored, so that
/// dates and numbers need no guessing from text.
/// </summary>
public readonly record struct ListCell(string Text, double? Number = null, DateTime? Date = null)
{
    /// <summary>An empty cell.</summary>
    public static readonly ListCell Empty = new("");

    /// <summary>True when the cell holds nothing but white space.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Number is null && Date is null;
}

/// <summary>One row of a list, numbered as a spreadsheet shows it.</summary>
public sealed record ListRow(int RowNumber, IReadOnlyList<ListCell> Cells)
{
    /// <summary>The cell in column <paramref name="index"/>, or an empty one past the row's end.</summary>
    public ListCell this[int index] => index < Cells.Count ? Cells[index] : ListCell.Empty;
}
