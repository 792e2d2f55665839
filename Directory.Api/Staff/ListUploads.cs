using System.Globalization;
using Directory.Api.Security;
using Directory.Api.Texts;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Staff;
using Directory.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Directory.Api.Staff;

/// <summary>The result of an upload: the staged list's id, or a German error about the file.</summary>
public sealed record UploadOutcome(string? StagedId, string? Error);

/// <summary>The result of "Übernehmen": the history entry written, or why nothing was.</summary>
public sealed record ApplyOutcome(int? HistoryId, string? Error, ListImportReport? Report);

/// <summary>
/// Upload → preview → apply or discard, through the same <see cref="ListImporter"/> as the CLI. The upload is kept
/// in the database (table <c>staged_lists</c>) between preview and apply, and handed to the importer as a file in a
/// private temporary folder (mode 0700) that is deleted right after; it is never written anywhere the web serves.
/// </summary>
public sealed class ListUploads(
    DirectoryDbContext db,
    SnapshotProvider snapshots,
    SnapshotLoader loader,
    IOptions<SecurityOptions> security,
    ILogger<ListUploads> logger)
{
    /// <summary>The file types a list may have.</summary>
    public static readonly IReadOnlyList<string> AllowedExtensions = [".csv", ".xlsx", ".xls"];

    // Uploads nobody applied or discarded are dropped after a day.
    private static readonly TimeSpan StagedLifetime = TimeSpan.FromDays(1);

    /// <summary>Checks <paramref name="file"/> with a dry run and keeps it for the preview.</summary>
    public async Task<UploadOutcome> StageAsync(IFormFile? file, ListImportMode mode, bool skipInvalid, string user,
        CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return new UploadOutcome(null, file is null ? ApiTexts.UploadNoFile : string.Format(ApiTexts.UploadEmpty, SafeFileName(file.FileName)));
        }

        var name = SafeFileName(file.FileName);
        if (!AllowedExtensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
        {
            return new UploadOutcome(null, string.Format(ApiTexts.UploadWrongType, name));
        }

        var max = security.Value.MaxUploadBytes;
        if (file.Length > max)
        {
            return new UploadOutcome(null, string.Format(CultureInfo.GetCultureInfo("de-DE"), ApiTexts.UploadTooLarge, name,
                file.Length / 1024.0 / 1024.0, security.Value.MaxUploadMegabytes));
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var options = new ListImportOptions(mode, skipInvalid, DryRun: true, ImportedBy: user);
        var (report, error) = await RunImportAsync(name, content, options, cancellationToken);
        if (report is null)
        {
            return new UploadOutcome(null, error);
        }

        var expired = DateTime.UtcNow - StagedLifetime;
        await db.StagedLists.Where(s => s.StagedAtUtc < expired).ExecuteDeleteAsync(cancellationToken);
        var staged = new StagedList
        {
            Id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
            FileName = name,
            Content = content,
            Mode = mode,
            SkipInvalid = skipInvalid,
            StagedBy = user,
            StagedAtUtc = DateTime.UtcNow,
            BaseHistoryId = await LatestHistoryIdAsync(cancellationToken),
            Report = ListReportJson.Serialize(report),
        };
        db.StagedLists.Add(staged);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Staff account {User} uploaded a list for preview ({Rows} rows, {Errors} errors)", user, report.RowsRead, report.ErrorCount);
        return new UploadOutcome(staged.Id, null);
    }

    /// <summary>Applies the staged list <paramref name="id"/> as the CLI would, unless the directory changed since the preview.</summary>
    public async Task<ApplyOutcome> ApplyAsync(string id, string user, CancellationToken cancellationToken)
    {
        var staged = await db.StagedLists.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (staged is null)
        {
            return new ApplyOutcome(null, ApiTexts.UploadGone, null);
        }

        if (await LatestHistoryIdAsync(cancellationToken) != staged.BaseHistoryId)
        {
            await db.StagedLists.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            return new ApplyOutcome(null, ApiTexts.UploadOutdated, null);
        }

        // Taking the staged list away first means a double click or a second staff member cannot apply it twice.
        if (await db.StagedLists.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return new ApplyOutcome(null, ApiTexts.UploadGone, null);
        }

        var options = new ListImportOptions(staged.Mode, staged.SkipInvalid, DryRun: false, ImportedBy: user);
        var (report, error) = await RunImportAsync(staged.FileName, staged.Content, options, cancellationToken);
        if (report is null || report.Result is ListImportResult.Rejected)
        {
            return new ApplyOutcome(null, error ?? ApiTexts.UploadRejected, report);
        }

        // Serve the new list at once instead of waiting for the refresher to notice the commit.
        snapshots.Publish(await loader.LoadAsync(db, cancellationToken, snapshots.Current.Geography));
        var historyId = await LatestHistoryIdAsync(cancellationToken);
        logger.LogInformation("Staff account {User} applied a list: {Added} added, {Changed} changed, {Removed} removed",
            user, report.AddedCount, report.ChangedCount, report.RemovedCount);
        return new ApplyOutcome(historyId, null, report);
    }

    /// <summary>Drops the staged list <paramref name="id"/>; true when there was one.</summary>
    public async Task<bool> DiscardAsync(string id, CancellationToken cancellationToken) =>
        await db.StagedLists.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>"C:\Users\x\Liste 2026.csv" → "Liste 2026.csv": no path, no characters a file system refuses.</summary>
    public static string SafeFileName(string uploaded)
    {
        var name = Path.GetFileName(uploaded.Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars();
        name = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        if (name.Length > 120)
        {
            name = name[..(120 - Path.GetExtension(name).Length)] + Path.GetExtension(name);
        }

        return name.Length == 0 || name.StartsWith('.') ? "liste" + name : name;
    }

    private async Task<int?> LatestHistoryIdAsync(CancellationToken cancellationToken) =>
        await db.ImportHistory.MaxAsync(r => (int?)r.Id, cancellationToken);

    private async Task<(ListImportReport? Report, string? Error)> RunImportAsync(string name, byte[] content,
        ListImportOptions options, CancellationToken cancellationToken)
    {
        // Read from memory under the upload's own name, so that its messages name it: a list with personal data is
        // never written to a file (a temporary folder may be readable by other local users or outlive a crash).
        try
        {
            return (await ListImporter.ImportAsync(db, snapshots.Current.Geography, ListFile.FromBytes(name, content), options, cancellationToken), null);
        }
        catch (ListFileException ex)
        {
            return (null, ex.Message);
        }
    }
}
