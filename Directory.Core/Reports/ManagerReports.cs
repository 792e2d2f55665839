using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Storage;
using Directory.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Directory.Core.Reports;

/// <summary>
/// The one writer of <see cref="ManagerReport"/> rows: a report received, marked done (recorded in the change history
/// with who and when), and deleted once it has been done for longer than the retention period.
/// </summary>
public static class ManagerReports
{
    /// <summary>The longest text a report may carry.</summary>
    public const int MaxMessageLength = 1000;

    /// <summary>The longest e-mail address (RFC 5321's path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Stores a report about entry <paramref name="managerId"/> (<paramref name="entry"/>: who it is, for staff).</summary>
    public static async Task<ManagerReport> AddAsync(DirectoryDbContext db, int managerId, string entry, string kind, string? message,
        string? email, DateTime receivedAtUtc, CancellationToken cancellationToken)
    {
        var report = new ManagerReport
        {
            ManagerId = managerId,
            Entry = entry,
            Kind = kind,
            Message = message,
            Email = email,
            ReceivedAtUtc = receivedAtUtc,
        };
        db.ManagerReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>
    /// A page of the open reports, newest first: <paramref name="size"/> from <paramref name="page"/> (1-based),
    /// with how many are open in all.
    /// </summary>
    public static async Task<(List<ManagerReport> Reports, int Total)> OpenAsync(DirectoryDbContext db, int page, int size, CancellationToken cancellationToken)
    {
        var open = db.ManagerReports.AsNoTracking().Where(r => r.DoneAtUtc == null);
        var total = await open.CountAsync(cancellationToken);
        // A page past the last shows the last (and ?seite=2147483647 cannot overflow the offset).
        var lastPage = Math.Max(1, (total + size - 1) / size);
        var reports = await open.OrderByDescending(r => r.ReceivedAtUtc).ThenByDescending(r => r.Id)
            .Skip((Math.Clamp(page, 1, lastPage) - 1) * size).Take(size).ToListAsync(cancellationToken);
        return (reports, total);
    }

    /// <summary>How many reports are open, per entry id.</summary>
    public static async Task<Dictionary<int, int>> OpenCountsAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        (await db.ManagerReports.AsNoTracking().Where(r => r.DoneAtUtc == null).Select(r => r.ManagerId).ToListAsync(cancellationToken))
        .CountBy(id => id).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>
    /// Marks report <paramref name="id"/> done by <paramref name="doneBy"/> and records it in the history; false when
    /// there is no such open report (already done, or deleted).
    /// </summary>
    public static async Task<bool> MarkDoneAsync(DirectoryDbContext db, int id, string doneBy, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var report = await db.ManagerReports.FirstOrDefaultAsync(r => r.Id == id && r.DoneAtUtc == null, cancellationToken);
        if (report is null)
        {
            return false;
        }

        report.DoneAtUtc = nowUtc;
        report.DoneBy = doneBy;
        ImportHistory.AddReportDone(db, report.Entry, doneBy, nowUtc);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>
    /// Deletes the reports done more than <paramref name="retentionDays"/> days before <paramref name="nowUtc"/>, with
    /// their e-mail addresses; open reports stay however old they are. Returns how many were deleted.
    /// </summary>
    public static Task<int> DeleteExpiredAsync(DirectoryDbContext db, DateTime nowUtc, int retentionDays, CancellationToken cancellationToken)
    {
        var before = nowUtc.AddDays(-retentionDays);
        // An open report expires too, counted from its arrival: nobody's e-mail address is kept for ever because
        // nobody dealt with it (and a flood of reports cannot grow the table without end).
        return db.ManagerReports.Where(r => r.DoneAtUtc != null ? r.DoneAtUtc < before : r.ReceivedAtUtc < before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The kind in words ("Kontaktdaten falsch"); an unknown code as it is.</summary>
    public static string KindText(string kind) => kind switch
    {
        ReportKinds.Contact => ReportTexts.KindContact,
        ReportKinds.Address => ReportTexts.KindAddress,
        ReportKinds.NoLongerInOffice => ReportTexts.KindNoLongerInOffice,
        ReportKinds.Other => ReportTexts.KindOther,
        _ => kind,
    };
}
