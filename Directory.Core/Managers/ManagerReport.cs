namespace Directory.Core.Managers;

/// <summary>
/// A citizen's report that a public entry is wrong ("Fehler melden"), kept in the table <c>meldungen</c> for staff
/// and never shown publicly. The text is stored verbatim and always shown as text. The optional e-mail address is
/// the only personal datum; it goes with the report when the report is deleted (Reports.ManagerReports.DeleteExpiredAsync).
/// </summary>
public sealed class ManagerReport
{
    /// <summary>Row id.</summary>
    public int Id { get; set; }

    /// <summary>The entry's id when the report came in (an import may later remove the entry).</summary>
    public int ManagerId { get; set; }

    /// <summary>Who the entry was, in staff's words ("Anna Beispiel (FM-2020-001, 05966024)"), kept for when the entry is gone.</summary>
    public required string Entry { get; set; }

    /// <summary>What is wrong: one of <see cref="ReportKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The citizen's text, verbatim (at most 1,000 characters).</summary>
    public string? Message { get; set; }

    /// <summary>An address for a reply, given with consent; null without.</summary>
    public string? Email { get; set; }

    /// <summary>When it came in (UTC).</summary>
    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>When staff marked it done (UTC); null while open.</summary>
    public DateTime? DoneAtUtc { get; set; }

    /// <summary>The staff account that marked it done.</summary>
    public string? DoneBy { get; set; }
}

/// <summary>The kinds of problem a report names (stored codes; the words come from resources).</summary>
public static class ReportKinds
{
    /// <summary>E-mail, phone or website is wrong.</summary>
    public const string Contact = "contact";

    /// <summary>The address is wrong.</summary>
    public const string Address = "address";

    /// <summary>The person is no longer in office.</summary>
    public const string NoLongerInOffice = "no-longer-in-office";

    /// <summary>Something else (a text is then required).</summary>
    public const string Other = "other";

    /// <summary>All kinds, in the order the form offers them.</summary>
    public static readonly IReadOnlyList<string> All = [Contact, Address, NoLongerInOffice, Other];
}
