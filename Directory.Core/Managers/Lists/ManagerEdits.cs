using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Directory.Core.Managers.Lists;

/// <summary>What the staff area may change of one entry: consent, status, whether families may turn to the person, and contact.</summary>
public sealed record ManagerContactEdit(
    bool PublicationConsent,
    ManagerStatus Status,
    bool? FamilyContact,
    string? Organisation,
    string? Street,
    string? Postcode,
    string? Town,
    string? Email,
    string? Phone,
    string? Website);

/// <summary>The outcome of an edit: German errors per field, or the fields that changed (none: nothing written).</summary>
public sealed record ManagerEditResult(IReadOnlyDictionary<string, string> Errors, IReadOnlyList<string> ChangedFields, int? HistoryId)
{
    /// <summary>True when the edit was valid.</summary>
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Edits one entry with the same field rules as the list import and records the change in the import history, so
/// that the history tells every way the directory changed. A list imported later overwrites the edit, as it should:
/// the list stays the master.
/// </summary>
public static class ManagerEdits
{
    /// <summary>Validates and applies <paramref name="edit"/> to the entry <paramref name="id"/>; null when there is none.</summary>
    public static async Task<ManagerEditResult?> ApplyAsync(DirectoryDbContext db, GeographySnapshot geography, int id,
        ManagerContactEdit edit, string editedBy, CancellationToken cancellationToken)
    {
        var current = await db.FamilyManagers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (current is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string>();
        string? Text(string? value, string field)
        {
            var text = string.IsNullOrWhiteSpace(value) ? null : ContactValidation.WithoutControlCharacters(value.Trim(), out _);
            if (text?.Length > ContactValidation.MaxTextLength)
            {
                errors[field] = string.Format(ListTexts.TextTooLong, text.Length, ContactValidation.MaxTextLength);
                return null;
            }

            return text;
        }

        string? Checked(string? value, string? message, string field)
        {
            if (message is not null)
            {
                errors[field] = message;
            }

            return value;
        }

        var postcode = Checked(ContactValidation.Postcode(Text(edit.Postcode, nameof(edit.Postcode)), out var postcodeError), postcodeError, nameof(edit.Postcode));
        var email = Checked(ContactValidation.Email(Text(edit.Email, nameof(edit.Email)), out var emailError), emailError, nameof(edit.Email));
        var website = Checked(ContactValidation.Website(Text(edit.Website, nameof(edit.Website)), out var websiteError), websiteError, nameof(edit.Website));
        var updated = new FamilyManager
        {
            Id = current.Id,
            Surname = current.Surname,
            FirstName = current.FirstName,
            AreaKey = current.AreaKey,
            Location = current.Location,
        };
        ListIdentity.CopyFields(current, updated);
        updated.PublicationConsent = edit.PublicationConsent;
        updated.Status = edit.Status;
        updated.FamilyContact = edit.FamilyContact;
        updated.Organisation = Text(edit.Organisation, nameof(edit.Organisation));
        updated.Street = Text(edit.Street, nameof(edit.Street));
        updated.Town = Text(edit.Town, nameof(edit.Town));
        updated.Phone = Text(edit.Phone, nameof(edit.Phone));
        updated.Postcode = postcode;
        updated.Email = email;
        updated.Website = website;
        if (errors.Count > 0)
        {
            return new ManagerEditResult(errors, [], null);
        }

        // A location that stood in for the postcode follows a new postcode; coordinates from the list stay.
        if (updated.LocationSource == LocationSource.Postcode && postcode is not null && postcode != current.Postcode
            && geography.PostcodePlaces.TryGetValue(postcode, out var places) && places.Count > 0)
        {
            updated.Location = places[0].Location;
        }

        var changed = ListIdentity.ChangedFields(current, updated);
        if (changed.Count == 0)
        {
            return new ManagerEditResult(errors, changed, null);
        }

        // Staff looked at the entry and changed it: it counts as checked today.
        updated.LastCheckedOn = DateOnly.FromDateTime(DateTime.Now);
        var description = ListIdentity.Describe(updated);
        var report = new ListImportReport { FileName = description, Sha256 = "", Mode = ListImportMode.Merge, Result = ListImportResult.Applied, ChangedCount = 1 };
        report.Changed.Add(new ListChange(description, changed));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.FamilyManagers.Update(updated);
        if (PublicChanges.For(current, updated, changed, DateTime.UtcNow) is { } publicChange)
        {
            db.PublicChanges.Add(publicChange);
        }

        var record = ImportHistory.AddEdit(db, description, report, editedBy);
        await db.SaveChangesAsync(cancellationToken);
        await DirectoryState.BumpListAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ManagerEditResult(errors, changed, record.Id);
    }

    /// <summary>
    /// Marks entry <paramref name="id"/> as checked on <paramref name="today"/> without changing it ("geprüft"),
    /// recorded in the history; false when there is no such entry.
    /// </summary>
    public static async Task<bool> MarkCheckedAsync(DirectoryDbContext db, int id, string checkedBy, DateOnly today,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entry = await db.FamilyManagers.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        entry.LastCheckedOn = today;
        ImportHistory.AddChecked(db, ListIdentity.Describe(entry), checkedBy, DateTime.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        await DirectoryState.BumpListAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }
}
