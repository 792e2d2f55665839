using Directory.Api.Texts;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Directory.Api.Staff.Pages.Verwaltung;

/// <summary>The form fields of an edit (bound from the form; Core's <see cref="ManagerContactEdit"/> is what is applied).</summary>
public sealed class EntryForm
{
    public bool PublicationConsent { get; set; }

    public ManagerStatus Status { get; set; }

    /// <summary>Empty in the form: not stated.</summary>
    public bool? FamilyContact { get; set; }

    public string? Organisation { get; set; }

    public string? Street { get; set; }

    public string? Postcode { get; set; }

    public string? Town { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Website { get; set; }
}

/// <summary>Edits one entry's consent, status and contact with the list import's field rules; recorded in the history.</summary>
public sealed class EntryModel(DirectoryDbContext db, SnapshotProvider snapshots, SnapshotLoader loader) : PageModel
{
    public FamilyManager? Entry { get; private set; }

    [BindProperty]
    public EntryForm Edit { get; set; } = new();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<string> ChangedFields { get; private set; } = [];

    public bool Saved { get; private set; }

    public bool Unchanged { get; private set; }

    public string AreaName => Entry is null ? "" : snapshots.Current.Geography.Find(Entry.AreaKey)?.Name ?? Entry.AreaKey;

    public IEnumerable<(string Name, string Label, string? Value, string Type, string Autocomplete)> ContactFields =>
    [
        (nameof(EntryForm.Organisation), StaffPageTexts.FieldOrganisation, Edit.Organisation, "text", "organization"),
        (nameof(EntryForm.Street), StaffPageTexts.FieldStreet, Edit.Street, "text", "street-address"),
        (nameof(EntryForm.Postcode), StaffPageTexts.FieldPostcode, Edit.Postcode, "text", "postal-code"),
        (nameof(EntryForm.Town), StaffPageTexts.FieldTown, Edit.Town, "text", "address-level2"),
        (nameof(EntryForm.Email), StaffPageTexts.FieldEmail, Edit.Email, "text", "email"),
        (nameof(EntryForm.Phone), StaffPageTexts.FieldPhone, Edit.Phone, "tel", "tel"),
        (nameof(EntryForm.Website), StaffPageTexts.FieldWebsite, Edit.Website, "text", "url"),
    ];

    /// <summary>True after "Als geprüft markieren" (the redirect says so).</summary>
    [BindProperty(SupportsGet = true, Name = "geprueft")]
    public bool Checked { get; set; }

    /// <summary>How many citizens' reports about this entry are open.</summary>
    public int OpenReports { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Entry = await db.FamilyManagers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (Entry is null)
        {
            return NotFound();
        }

        OpenReports = await db.ManagerReports.CountAsync(r => r.ManagerId == id && r.DoneAtUtc == null, cancellationToken);

        Edit = new EntryForm
        {
            PublicationConsent = Entry.PublicationConsent,
            Status = Entry.Status,
            FamilyContact = Entry.FamilyContact,
            Organisation = Entry.Organisation,
            Street = Entry.Street,
            Postcode = Entry.Postcode,
            Town = Entry.Town,
            Email = Entry.Email,
            Phone = Entry.Phone,
            Website = Entry.Website,
        };
        return Page();
    }

    /// <summary>"Als geprüft markieren": the entry is right as it is; it counts as checked today.</summary>
    public async Task<IActionResult> OnPostCheckedAsync(int id, CancellationToken cancellationToken)
    {
        if (!await ManagerEdits.MarkCheckedAsync(db, id, User.Identity!.Name!, DateOnly.FromDateTime(DateTime.Now), cancellationToken))
        {
            return NotFound();
        }

        // The public answers show the date: publish at once.
        snapshots.Publish(await loader.LoadAsync(db, cancellationToken, snapshots.Current.Geography));
        return RedirectToPage(new { id, geprueft = true });
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(Edit.Status))
        {
            // Only a hand-made request gets here (the form offers valid values): refuse it without writing.
            Entry = await db.FamilyManagers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (Entry is null)
            {
                return NotFound();
            }

            Errors = ModelState.Where(e => e.Value?.Errors.Count > 0)
                .ToDictionary(e => e.Key, e => string.Format(StaffPageTexts.EntryInvalidValue, e.Key));
            if (Errors.Count == 0)
            {
                Errors = new Dictionary<string, string> { [nameof(Edit.Status)] = "Unbekannter Status." };
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var edit = new ManagerContactEdit(Edit.PublicationConsent, Edit.Status, Edit.FamilyContact, Edit.Organisation, Edit.Street, Edit.Postcode, Edit.Town,
            Edit.Email, Edit.Phone, Edit.Website);
        var result = await ManagerEdits.ApplyAsync(db, snapshots.Current.Geography, id, edit, User.Identity!.Name!, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Entry = await db.FamilyManagers.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (result.ChangedFields.Count > 0)
        {
            // Consent or status decide what the public sees: publish at once, not at the refresher's next tick.
            snapshots.Publish(await loader.LoadAsync(db, cancellationToken, snapshots.Current.Geography));
        }

        ChangedFields = result.ChangedFields;
        Saved = result.ChangedFields.Count > 0;
        Unchanged = !Saved;
        return Page();
    }
}
