using Directory.Core.Texts;

namespace Directory.Core.Geography;

/// <summary>
/// One problem found in an input file, located as precisely as the input allows: the file, the feature or row, and
/// the property or column. <see cref="Message"/> is German, for the staff who fix the file.
/// </summary>
/// <param name="File">The file's name (no directory: reports are shown to staff and in the browser).</param>
/// <param name="Location">The feature or row, e.g. "Feature 17 (05315000)" or "Zeile 12"; null for the whole file.</param>
/// <param name="Property">The property or column, e.g. "ags"; null where the problem is not in one property.</param>
/// <param name="Message">What is wrong, in German.</param>
public sealed record ImportProblem(string File, string? Location, string? Property, string Message)
{
    /// <summary>The problem as one German line, e.g. for the CLI's report.</summary>
    public override string ToString()
    {
        var where = File;
        if (Location is not null)
        {
            where += ", " + Location;
        }

        if (Property is not null)
        {
            where += ", " + string.Format(ImportTexts.PropertyLabel, Property);
        }

        return where + ": " + Message;
    }
}
