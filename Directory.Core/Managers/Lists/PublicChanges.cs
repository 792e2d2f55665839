using Directory.Core.Geography;
using Directory.Core.Texts;

namespace Directory.Core.Managers.Lists;

/// <summary>Works out what the public saw change when an entry was added, removed or updated.</summary>
public static class PublicChanges
{
    /// <summary>More changes than this in one import are one row ("large update"), not a row each.</summary>
    public const int MaxPerImport = 500;

    // Fields the public never sees: a change of these alone is no public change.
    private static readonly HashSet<string> InternalFields =
        [ListTexts.FieldCertificateNumber, ListTexts.FieldCertifiedOn, ListTexts.FieldStatus, ListTexts.FieldConsent];

    /// <summary>
    /// <paramref name="changes"/> as they are stored: each on its own, or, beyond <see cref="MaxPerImport"/> (a first
    /// import of the whole list), one row for all NRW that counts them.
    /// </summary>
    public static IReadOnlyList<PublicChange> Summarised(IReadOnlyList<PublicChange> changes, DateTime atUtc) =>
        changes.Count <= MaxPerImport
            ? changes
            :
            [
                new PublicChange
                {
                    ChangedAtUtc = atUtc,
                    Kind = PublicChangeKinds.Many,
                    Name = "",
                    AreaKey = RegionKey.Land,
                    Fields = string.Join(",", changes.Count(c => c.Kind == PublicChangeKinds.Added), changes.Count(c => c.Kind == PublicChangeKinds.Changed),
                        changes.Count(c => c.Kind == PublicChangeKinds.Removed)),
                },
            ];

    /// <summary>
    /// The public change from <paramref name="before"/> (null: new) to <paramref name="after"/> (null: removed), with
    /// <paramref name="changedFields"/> as <see cref="ListIdentity.ChangedFields"/> named them; null when the public saw none.
    /// </summary>
    public static PublicChange? For(FamilyManager? before, FamilyManager? after, IReadOnlyCollection<string> changedFields, DateTime atUtc)
    {
        var wasPublic = before?.IsPublic == true;
        var isPublic = after?.IsPublic == true;
        var shown = (after is not null && isPublic ? after : before)!;
        string? kind = (wasPublic, isPublic) switch
        {
            (false, true) => PublicChangeKinds.Added,
            (true, false) => PublicChangeKinds.Removed,
            (true, true) when changedFields.Any(f => !InternalFields.Contains(f)) => PublicChangeKinds.Changed,
            _ => null,
        };
        return kind is null
            ? null
            : new PublicChange
            {
                ChangedAtUtc = atUtc,
                Kind = kind,
                ManagerId = shown.Id,
                // Whoever is no longer public is not named, not even in the row that says so.
                Name = kind == PublicChangeKinds.Removed ? ""
                    : string.IsNullOrEmpty(shown.Title) ? $"{shown.FirstName} {shown.Surname}" : $"{shown.Title} {shown.FirstName} {shown.Surname}",
                AreaKey = shown.AreaKey,
                Fields = kind == PublicChangeKinds.Changed ? string.Join(", ", changedFields.Where(f => !InternalFields.Contains(f))) : null,
            };
    }
}
