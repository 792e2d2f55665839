namespace Directory.Core.Managers.Lists;

/// <summary>The fields a certification list can have.</summary>
public enum ListField
{
    CertificateNumber,
    Surname,
    FirstName,
    FullName,
    Title,
    AreaKey,
    AreaName,
    Organisation,
    Street,
    Postcode,
    Town,
    Email,
    Phone,
    Website,
    CertifiedOn,
    Status,
    Consent,
    FamilyContact,
    LastChecked,
    Latitude,
    Longitude,
    Easting,
    Northing,
}
