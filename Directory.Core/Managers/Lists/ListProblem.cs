using Directory.Core.Texts;

namespace Directory.Core.Managers.Lists;

/// <summary>How serious a problem in a list is.</summary>
public enum ProblemSeverity
{
    /// <summary>The row (or file) cannot be imported.</summary>
    Error,

    /// <summary>Imported, but staff should look.</summary>
    Warning,
}

/// <summary>
/// One problem in a list, located as staff see it in Excel: the row number and the column's header text.
/// <see cref="Message"/> is German and already names the value.
/// </summary>
public sealed record ListProblem(ProblemSeverity Severity, int? Row, string? Column, string Message)
{
    /// <summary>"Zeile 14, Spalte „PLZ“: „4711“ ist keine gültige Postleitzahl (5 Ziffern)."</summary>
    public override string ToString()
    {
        var where = new List<string>();
        if (Row is not null)
        {
            where.Add(string.Format(ListTexts.RowLabel, Row));
        }

        if (Column is not null)
        {
            where.Add(string.Format(ListTexts.ColumnLabel, Column));
        }

        return where.Count == 0 ? Message : string.Join(", ", where) + ": " + Message;
    }
}
