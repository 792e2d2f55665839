using System.Security.Cryptography;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Directory.Core.Managers.Lists;

/// <summary>
/// The one path by which certification lists enter the directory (CLI, seed, later the staff upload): read the
/// list row by row, check every row, compare with the directory, then write everything in one transaction, or
/// nothing. Rows are streamed; only the accepted entries are kept for the write (none in a dry run).
/// </summary>
public static class ListImporter
{
    /// <summary>Imports <paramref name="path"/>; throws <see cref="ListFileException"/> when the file cannot be read at all.</summary>
    public static Task<ListImportReport> ImportAsync(DirectoryDbContext db, GeographySnapshot geography, string path,
        ListImportOptions options, CancellationToken cancellationToken) =>
        ImportAsync(db, geography, ListFile.FromPath(path), options, cancellationToken);

    /// <summary>Imports <paramref name="file"/>; throws <see cref="ListFileException"/> when it cannot be read at all.</summary>
    public static async Task<ListImportReport> ImportAsync(DirectoryDbContext db, GeographySnapshot geography, ListFile file,
        ListImportOptions options, CancellationToken cancellationToken)
    {
        var readOptions = options.Read ?? new ListReadOptions();
        var limits = readOptions.EffectiveLimits;
        var source = ListSource.Open(file, limits, readOptions.Sheet);
        var report = new ListImportReport { FileName = file.Name, Sha256 = await HashAsync(file, cancellationToken), Format = source.Format, Mode = options.Mode };

        using var rows = source.Rows.GetEnumerator();
        var header = FindHeader(rows, limits, report);
        if (header is null)
        {
            report.Result = ListImportResult.Rejected;
            return report;
        }

        // Untracked: only the entries that change are attached when writing (a tracked 100,000-entry directory
        // alone took 200 MB more).
        var existing = await db.FamilyManagers.AsNoTracking().ToListAsync(cancellationToken);
        var existingByKey = new Dictionary<string, FamilyManager>();
        foreach (var manager in existing)
        {
            existingByKey.TryAdd(ListIdentity.Of(manager), manager);
        }

        var reader = new ListRowReader(header, geography, new AreaResolver(geography), readOptions);
        var seenCertificates = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var seenPeople = new Dictionary<string, int>();
        var matched = new HashSet<string>();
        var protectedCertificates = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var toAdd = new List<FamilyManager>();
        var toUpdate = new List<(FamilyManager Target, FamilyManager Source)>();
        var unchanged = new List<int>();
        var rowProblems = new List<ListProblem>();
        // Every entry the list contains counts as checked today, changed or not.
        var today = options.Today ?? DateOnly.FromDateTime(DateTime.Now);

        while (rows.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = rows.Current;
            if (row.Cells.All(c => c.IsEmpty))
            {
                continue;
            }

            report.RowsRead++;
            rowProblems.Clear();
            var entry = reader.Read(row, rowProblems);
            if (header.Columns.TryGetValue(ListField.CertificateNumber, out var certificateColumn) && !row[certificateColumn].IsEmpty)
            {
                // Every row's number counts, also of rejected rows: a duplicate must show now, not after the fix.
                var certificate = row[certificateColumn].Text.Trim();
                protectedCertificates.Add(certificate);
                if (seenCertificates.TryGetValue(certificate, out var firstRow))
                {
                    rowProblems.Add(new ListProblem(ProblemSeverity.Error, row.RowNumber, header.NameOf(ListField.CertificateNumber),
                        string.Format(ListTexts.DuplicateCertificate, certificate, firstRow)));
                }
                else
                {
                    seenCertificates[certificate] = row.RowNumber;
                }
            }

            if (entry is not null)
            {
                CheckDuplicatePerson(entry, row.RowNumber, seenPeople, rowProblems);
            }

            var rejected = entry is null || rowProblems.Any(p => p.Severity == ProblemSeverity.Error);
            AddProblems(report, rowProblems, limits);
            if (rejected)
            {
                report.RowsRejected++;
                continue;
            }

            report.RowsAccepted++;
            entry!.LastCheckedOn = today;
            var key = ListIdentity.Of(entry!);
            if (!matched.Contains(key) && existingByKey.TryGetValue(key, out var current))
            {
                matched.Add(key);
                var fields = ListIdentity.ChangedFields(current, entry!);
                if (fields.Count == 0)
                {
                    report.UnchangedCount++;
                    unchanged.Add(current.Id);
                }
                else
                {
                    report.ChangedCount++;
                    if (report.Changed.Count < ListImportReport.MaxListedChanges)
                    {
                        report.Changed.Add(new ListChange(ListIdentity.Describe(entry!), fields));
                    }

                    if (!options.DryRun)
                    {
                        toUpdate.Add((current, entry!));
                    }
                }
            }
            else
            {
                report.AddedCount++;
                if (report.Added.Count < ListImportReport.MaxListedChanges)
                {
                    report.Added.Add(ListIdentity.Describe(entry!));
                }

                if (!options.DryRun)
                {
                    toAdd.Add(entry!);
                }
            }
        }

        var toRemove = new List<FamilyManager>();
        if (options.Mode == ListImportMode.Replace)
        {
            foreach (var (key, manager) in existingByKey)
            {
                // With --skip-invalid, an entry whose row was rejected this time stays: a typo must not delete it.
                var protectedByRejectedRow = manager.CertificateNumber is not null && protectedCertificates.Contains(manager.CertificateNumber);
                if (!matched.Contains(key) && !protectedByRejectedRow)
                {
                    toRemove.Add(manager);
                    report.RemovedCount++;
                    if (report.Removed.Count < ListImportReport.MaxListedChanges)
                    {
                        report.Removed.Add(ListIdentity.Describe(manager));
                    }
                }
            }
        }

        if (report.ErrorCount > 0 && !options.SkipInvalid)
        {
            report.Result = ListImportResult.Rejected;
            return report;
        }

        if (options.DryRun)
        {
            report.Result = ListImportResult.DryRun;
            return report;
        }

        report.Result = report.RowsRejected > 0 ? ListImportResult.AppliedWithRejectedRows : ListImportResult.Applied;
        await WriteAsync(db, report, options.ImportedBy, toAdd, toUpdate, toRemove, (unchanged, today), cancellationToken);
        return report;
    }

    private static ListHeader? FindHeader(IEnumerator<ListRow> rows, ListLimits limits, ListImportReport report)
    {
        var searched = new List<ListRow>();
        while (searched.Count < limits.HeaderSearchRows && rows.MoveNext())
        {
            searched.Add(rows.Current);
            var header = ListHeader.Find([rows.Current]);
            if (header is null)
            {
                continue;
            }

            report.HeaderRow = header.RowNumber;
            foreach (var (field, column) in header.Columns)
            {
                report.Columns[field.ToString()] = header.Names[column];
            }

            var missing = new List<string>();
            if (!header.Has(ListField.FullName) && !(header.Has(ListField.Surname) && header.Has(ListField.FirstName)))
            {
                missing.Add(ListTexts.RequiredNames);
            }

            if (!header.Has(ListField.AreaKey) && !header.Has(ListField.AreaName))
            {
                missing.Add(ListTexts.RequiredArea);
            }

            if (missing.Count > 0)
            {
                report.Problems.Add(new ListProblem(ProblemSeverity.Error, header.RowNumber, null,
                    string.Format(ListTexts.RequiredColumnsMissing, string.Join("; ", missing))));
                return null;
            }

            if (!header.Has(ListField.Consent))
            {
                report.Notes.Add(ListTexts.ConsentColumnMissing);
            }

            if (header.Unused.Count > 0)
            {
                report.Notes.Add(string.Format(ListTexts.ColumnsUnused, string.Join("“, „", header.Unused)));
            }

            return header;
        }

        report.Problems.Add(new ListProblem(ProblemSeverity.Error, null, null,
            string.Format(ListTexts.HeaderNotFound, limits.HeaderSearchRows)));
        return null;
    }

    private static void CheckDuplicatePerson(FamilyManager entry, int row, Dictionary<string, int> people, List<ListProblem> problems)
    {
        var person = ListIdentity.PersonKey(entry);
        if (people.TryGetValue(person, out var earlier))
        {
            problems.Add(new ListProblem(ProblemSeverity.Warning, row, null,
                string.Format(ListTexts.DuplicatePerson, entry.FirstName, entry.Surname, entry.AreaKey, earlier)));
        }
        else
        {
            people[person] = row;
        }
    }

    private static void AddProblems(ListImportReport report, List<ListProblem> problems, ListLimits limits)
    {
        foreach (var problem in problems)
        {
            if (report.Problems.Count < limits.MaxReportedProblems)
            {
                report.Problems.Add(problem);
            }
            else
            {
                report.ProblemsNotListed++;
                if (problem.Severity == ProblemSeverity.Error)
                {
                    report.ErrorsNotListed++;
                }
                else
                {
                    report.WarningsNotListed++;
                }
            }
        }
    }

    private static async Task WriteAsync(DirectoryDbContext db, ListImportReport report, string? importedBy, List<FamilyManager> toAdd,
        List<(FamilyManager Target, FamilyManager Source)> toUpdate, List<FamilyManager> toRemove,
        (List<int> Ids, DateOnly Today) unchanged, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = DateTime.UtcNow;
        var changes = new List<PublicChange>();
        db.FamilyManagers.RemoveRange(toRemove);
        changes.AddRange(toRemove.Select(m => PublicChanges.For(m, null, [], now)).OfType<PublicChange>());
        foreach (var (target, source) in toUpdate)
        {
            var before = new FamilyManager { Surname = target.Surname, FirstName = target.FirstName, AreaKey = target.AreaKey, Location = target.Location, Id = target.Id };
            ListIdentity.CopyFields(target, before);
            ListIdentity.CopyFields(source, target);
            changes.AddRange(PublicChanges.For(before, target, ListIdentity.ChangedFields(before, target), now) is { } change ? [change] : []);
            db.FamilyManagers.Update(target);
        }

        await db.SaveChangesAsync(cancellationToken);
        // The unchanged entries are checked too: one statement per thousand, not one tracked entity each.
        foreach (var ids in unchanged.Ids.Chunk(1000))
        {
            await db.FamilyManagers.Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastCheckedOn, unchanged.Today), cancellationToken);
        }

        var lastIdBefore = await db.FamilyManagers.MaxAsync(m => (int?)m.Id, cancellationToken) ?? 0;
        await Rows.InsertAsync(db, toAdd, cancellationToken);
        var added = toAdd.Where(m => m.IsPublic).ToList();
        if (added.Count > 0 && changes.Count + added.Count <= PublicChanges.MaxPerImport)
        {
            // The feed links each new entry: the store numbers the rows in the order they were inserted.
            var ids = await db.FamilyManagers.Where(m => m.Id > lastIdBefore).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
            if (ids.Count == toAdd.Count)
            {
                for (var i = 0; i < ids.Count; i++)
                {
                    toAdd[i].Id = ids[i];
                }
            }
        }

        changes.AddRange(added.Select(m => PublicChanges.For(null, m, [], now)).OfType<PublicChange>());
        db.PublicChanges.AddRange(PublicChanges.Summarised(changes, now));
        ImportHistory.AddListImport(db, report, importedBy);
        await db.SaveChangesAsync(cancellationToken);

        var extent = await db.FamilyManagers.AsNoTracking().Select(m => m.Location).ToListAsync(cancellationToken);
        var envelope = new NetTopologySuite.Geometries.Envelope();
        foreach (var point in extent)
        {
            envelope.ExpandToInclude(point.Coordinate);
        }

        await GeoPackageLayers.UpdateContentsAsync(db, GeoPackageLayers.FamilyManagers, envelope, cancellationToken);
        await DirectoryState.BumpListAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static async Task<string> HashAsync(ListFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.Open();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
