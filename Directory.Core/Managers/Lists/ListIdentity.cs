using System.Globalization;
using Directory.Core.Geography;
using Directory.Core.Texts;

namespace Directory.Core.Managers.Lists;

/// <summary>Who an entry is (certificate number, else surname + first name + area) and what changed.</summary>
public static class ListIdentity
{
    /// <summary>A location that moved less than this has not changed (metres).</summary>
    private const double LocationTolerance = 0.5;

    /// <summary>The key an entry is matched by across imports.</summary>
    public static string Of(FamilyManager manager) =>
        manager.CertificateNumber is { } certificate ? "Z:" + certificate.ToUpperInvariant() : "P:" + PersonKey(manager);

    /// <summary>Surname, first name and area, normalised: the same person in the same area.</summary>
    public static string PersonKey(FamilyManager manager) =>
        $"{NameFolding.Normalize(manager.Surname)}|{NameFolding.Normalize(manager.FirstName)}|{manager.AreaKey}";

    /// <summary>"Vorname Nachname (Zertifikat, Gebiet)", for reports.</summary>
    public static string Describe(FamilyManager manager) =>
        $"{manager.FirstName} {manager.Surname} ({(manager.CertificateNumber is null ? "" : manager.CertificateNumber + ", ")}{manager.AreaKey})";

    /// <summary>The German names of the fields in which <paramref name="updated"/> differs from <paramref name="current"/>.</summary>
    public static List<string> ChangedFields(FamilyManager current, FamilyManager updated)
    {
        var fields = new List<string>();
        void Compare<T>(T a, T b, string name)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                fields.Add(name);
            }
        }

        Compare(current.CertificateNumber, updated.CertificateNumber, ListTexts.FieldCertificateNumber);
        Compare(current.Surname, updated.Surname, ListTexts.FieldSurname);
        Compare(current.FirstName, updated.FirstName, ListTexts.FieldFirstName);
        Compare(current.Title, updated.Title, ListTexts.FieldTitle);
        Compare(current.AreaKey, updated.AreaKey, ListTexts.FieldArea);
        Compare(current.Organisation, updated.Organisation, ListTexts.FieldOrganisation);
        Compare(current.Street, updated.Street, ListTexts.FieldStreet);
        Compare(current.Postcode, updated.Postcode, ListTexts.FieldPostcode);
        Compare(current.Town, updated.Town, ListTexts.FieldTown);
        Compare(current.Email, updated.Email, ListTexts.FieldEmail);
        Compare(current.Phone, updated.Phone, ListTexts.FieldPhone);
        Compare(current.Website, updated.Website, ListTexts.FieldWebsite);
        Compare(current.CertifiedOn, updated.CertifiedOn, ListTexts.FieldCertifiedOn);
        Compare(current.Status, updated.Status, ListTexts.FieldStatus);
        Compare(current.PublicationConsent, updated.PublicationConsent, ListTexts.FieldConsent);
        Compare(current.FamilyContact, updated.FamilyContact, ListTexts.FieldFamilyContact);
        if (current.LocationSource != updated.LocationSource || current.Location.Distance(updated.Location) > LocationTolerance)
        {
            fields.Add(ListTexts.FieldLocation);
        }

        return fields;
    }

    /// <summary>Copies every field but the id from <paramref name="source"/> to <paramref name="target"/>.</summary>
    public static void CopyFields(FamilyManager source, FamilyManager target)
    {
        target.CertificateNumber = source.CertificateNumber;
        target.Surname = source.Surname;
        target.FirstName = source.FirstName;
        target.Title = source.Title;
        target.AreaKey = source.AreaKey;
        target.Organisation = source.Organisation;
        target.Street = source.Street;
        target.Postcode = source.Postcode;
        target.Town = source.Town;
        target.Email = source.Email;
        target.Phone = source.Phone;
        target.Website = source.Website;
        target.CertifiedOn = source.CertifiedOn;
        target.Status = source.Status;
        target.PublicationConsent = source.PublicationConsent;
        target.FamilyContact = source.FamilyContact;
        target.LastCheckedOn = source.LastCheckedOn;
        target.LocationSource = source.LocationSource;
        target.Location = source.Location;
    }
}
