using System.Globalization;
using System.Text.RegularExpressions;
using Directory.Core.Geo;
using Directory.Core.Geography;
using Directory.Core.Snapshot;
using Directory.Core.Texts;
using NetTopologySuite.Geometries;

namespace Directory.Core.Managers.Lists;

/// <summary>
/// Turns one row of a list into a <see cref="FamilyManager"/>, reporting every problem with row, column and value.
/// A row with an error gives no entry; warnings never block.
/// </summary>
public sealed partial class ListRowReader(ListHeader header, GeographySnapshot geography, AreaResolver areas, ListReadOptions options)
{
    /// <summary>A point this far outside the stated area draws a warning (metres).</summary>
    public const double OutsideAreaWarningMetres = 2_000;

    private const int MaxTextLength = ContactValidation.MaxTextLength;

    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy", "d.M.yy", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm"];

    /// <summary>Reads <paramref name="row"/>; problems go to <paramref name="problems"/>.</summary>
    public FamilyManager? Read(ListRow row, List<ListProblem> problems)
    {
        var errorsBefore = problems.Count(p => p.Severity == ProblemSeverity.Error);
        void Error(ListField field, string message) => problems.Add(new ListProblem(ProblemSeverity.Error, row.RowNumber, header.NameOf(field), message));
        void Warn(ListField? field, string message) => problems.Add(new ListProblem(ProblemSeverity.Warning, row.RowNumber, field is null ? null : header.NameOf(field.Value), message));

        string? Text(ListField field)
        {
            if (!header.Columns.TryGetValue(field, out var index))
            {
                return null;
            }

            var text = ContactValidation.WithoutControlCharacters(Unprotect(row[index].Text.Trim()), out var hadControlCharacters);
            if (hadControlCharacters)
            {
                Warn(field, ListTexts.ControlCharactersRemoved);
            }

            if (text.Length > MaxTextLength)
            {
                Error(field, string.Format(ListTexts.TextTooLong, text.Length, MaxTextLength));
                return null;
            }

            return text.Length == 0 ? null : text;
        }

        var (surname, firstName) = Names(Text, Error);
        var region = Area(row, Text, Error);
        var certificate = Text(ListField.CertificateNumber);
        var postcode = Postcode(Text(ListField.Postcode), Error);
        var email = Email(Text(ListField.Email), Error);
        var website = Website(Text(ListField.Website), Error);
        var phone = Text(ListField.Phone);
        if (ContactValidation.PhoneWarning(phone) is { } phoneWarning)
        {
            Warn(ListField.Phone, phoneWarning);
        }

        var certifiedOn = CertifiedOn(row, Warn, Error);
        var status = Status(Text(ListField.Status), Warn, Error);
        var consent = Consent(Text(ListField.Consent), Warn, Error);
        var familyContact = FamilyContact(Text(ListField.FamilyContact), Error);
        var location = Location(row, region, postcode, Warn, Error);

        if (problems.Count(p => p.Severity == ProblemSeverity.Error) > errorsBefore
            || surname is null || firstName is null || region is null || location is null)
        {
            return null;
        }

        return new FamilyManager
        {
            CertificateNumber = certificate,
            Surname = surname,
            FirstName = firstName,
            Title = Text(ListField.Title),
            AreaKey = region.Key,
            Organisation = Text(ListField.Organisation),
            Street = Text(ListField.Street),
            Postcode = postcode,
            Town = Text(ListField.Town),
            Email = email,
            Phone = phone,
            Website = website,
            CertifiedOn = certifiedOn,
            Status = status,
            PublicationConsent = consent,
            FamilyContact = familyContact,
            LocationSource = location.Value.Source,
            Location = location.Value.Point,
        };
    }

    /// <summary>
    /// Our CSV export puts an apostrophe before text that a spreadsheet would take for a formula; reading it back
    /// removes it again, so that export → import changes nothing.
    /// </summary>
    private static string Unprotect(string text) =>
        text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' ? text[1..] : text;

    private (string? Surname, string? FirstName) Names(Func<ListField, string?> text, Action<ListField, string> error)
    {
        if (header.Has(ListField.Surname) || header.Has(ListField.FirstName))
        {
            var surname = text(ListField.Surname);
            var firstName = text(ListField.FirstName);
            if (header.Has(ListField.Surname) && surname is null)
            {
                error(ListField.Surname, ListTexts.ValueMissing);
            }

            if (header.Has(ListField.FirstName) && firstName is null)
            {
                error(ListField.FirstName, ListTexts.ValueMissing);
            }

            return (surname, firstName);
        }

        var full = text(ListField.FullName);
        if (full is null)
        {
            error(ListField.FullName, ListTexts.ValueMissing);
            return (null, null);
        }

        // "Nachname, Vorname" or "Vorname Nachname".
        var comma = full.IndexOf(',');
        if (comma > 0 && comma < full.Length - 1)
        {
            return (full[..comma].Trim(), full[(comma + 1)..].Trim());
        }

        var space = full.LastIndexOf(' ');
        if (space > 0)
        {
            return (full[(space + 1)..].Trim(), full[..space].Trim());
        }

        error(ListField.FullName, string.Format(ListTexts.NameNotSplittable, full));
        return (null, null);
    }

    private Region? Area(ListRow row, Func<ListField, string?> text, Action<ListField, string> error)
    {
        if (header.Columns.TryGetValue(ListField.AreaKey, out var keyColumn) && !row[keyColumn].IsEmpty)
        {
            var cell = row[keyColumn];
            var keyText = cell.Number is { } number ? number.ToString("0", CultureInfo.InvariantCulture) : cell.Text.Trim();
            var region = areas.ResolveKey(keyText);
            if (region is null)
            {
                error(ListField.AreaKey, string.Format(ListTexts.AreaKeyUnknown, keyText));
            }

            return region;
        }

        var name = text(ListField.AreaName);
        if (name is null)
        {
            error(header.Has(ListField.AreaName) ? ListField.AreaName : ListField.AreaKey, ListTexts.ValueMissing);
            return null;
        }

        var resolution = areas.ResolveName(name, header.AreaNameLevel);
        if (resolution.Region is null)
        {
            error(ListField.AreaName, resolution.Suggestions.Count == 0
                ? string.Format(ListTexts.AreaNameUnknown, name)
                : string.Format(ListTexts.AreaNameUnknownSuggest, name, string.Join("“, „", resolution.Suggestions)));
        }

        return resolution.Region;
    }

    private static string? Postcode(string? text, Action<ListField, string> error) =>
        Checked(ListField.Postcode, ContactValidation.Postcode(text, out var message), message, error);

    private static string? Email(string? text, Action<ListField, string> error) =>
        Checked(ListField.Email, ContactValidation.Email(text, out var message), message, error);

    private static string? Website(string? text, Action<ListField, string> error) =>
        Checked(ListField.Website, ContactValidation.Website(text, out var message), message, error);

    private static string? Checked(ListField field, string? value, string? message, Action<ListField, string> error)
    {
        if (message is not null)
        {
            error(field, message);
        }

        return value;
    }

    private DateOnly? CertifiedOn(ListRow row, Action<ListField?, string> warn, Action<ListField, string> error)
    {
        if (!header.Columns.TryGetValue(ListField.CertifiedOn, out var column) || row[column].IsEmpty)
        {
            return null;
        }

        var cell = row[column];
        DateOnly? date = cell switch
        {
            { Date: { } d } => DateOnly.FromDateTime(d),
            // An Excel serial day number, typed or as text (1 = 01.01.1900; 25569 = 01.01.1970).
            { Number: { } n } when n is > 20_000 and < 80_000 => DateOnly.FromDateTime(DateTime.FromOADate(n)),
            _ when int.TryParse(cell.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 20_000 and < 80_000
                => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
            _ when DateTime.TryParseExact(cell.Text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                => DateOnly.FromDateTime(parsed),
            _ => null,
        };
        if (date is null)
        {
            error(ListField.CertifiedOn, string.Format(ListTexts.DateInvalid, cell.Text));
            return null;
        }

        if (date > DateOnly.FromDateTime(DateTime.Today))
        {
            warn(ListField.CertifiedOn, string.Format(ListTexts.DateInFuture, date.Value.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)));
        }

        return date;
    }

    private static ManagerStatus Status(string? text, Action<ListField?, string> warn, Action<ListField, string> error)
    {
        switch (text is null ? null : NameFolding.Normalize(text))
        {
            case null:
                return ManagerStatus.Active;
            case "aktiv" or "active" or "a":
                return ManagerStatus.Active;
            case "inaktiv" or "inactive" or "i" or "ruhend" or "ausgeschieden":
                return ManagerStatus.Inactive;
            default:
                error(ListField.Status, string.Format(ListTexts.StatusInvalid, text));
                return ManagerStatus.Inactive;
        }
    }

    private bool Consent(string? text, Action<ListField?, string> warn, Action<ListField, string> error)
    {
        if (!header.Has(ListField.Consent))
        {
            return true; // the whole column is missing: reported once for the file
        }

        switch (text is null ? null : NameFolding.Normalize(text))
        {
            case null:
                // Without a recorded consent, nothing is published.
                warn(ListField.Consent, ListTexts.ConsentEmpty);
                return false;
            case "ja" or "j" or "x" or "1" or "yes" or "true" or "wahr":
                return true;
            case "nein" or "n" or "0" or "no" or "false" or "falsch":
                return false;
            default:
                error(ListField.Consent, string.Format(ListTexts.ConsentInvalid, text));
                return false;
        }
    }

    // Optional: an empty cell (or no column) says nothing, which the page does not turn into a "no".
    private static bool? FamilyContact(string? text, Action<ListField, string> error)
    {
        switch (text is null ? null : NameFolding.Normalize(text))
        {
            case null:
                return null;
            case "ja" or "j" or "x" or "1" or "yes" or "true" or "wahr":
                return true;
            case "nein" or "n" or "0" or "no" or "false" or "falsch":
                return false;
            default:
                error(ListField.FamilyContact, string.Format(ListTexts.FamilyContactInvalid, text));
                return null;
        }
    }

    private (Point Point, LocationSource Source)? Location(ListRow row, Region? region, string? postcode,
        Action<ListField?, string> warn, Action<ListField, string> error)
    {
        var pair = CoordinatePair(row);
        if (pair is { } p)
        {
            var reading = CoordinateParser.Read(p.First, p.Second, p.Columns, options.ForcedSrid);
            if (reading.Point is null)
            {
                error(p.FirstField, string.Format(reading.Failure == CoordinateFailure.NotANumber ? ListTexts.CoordinateNotANumber : ListTexts.CoordinateUnknownMagnitude, p.First, p.Second));
                return null;
            }

            var municipality = geography.MunicipalityIndex.Locate(reading.Point);
            if (municipality is null)
            {
                error(p.FirstField, string.Format(ListTexts.CoordinateOutsideNrw, p.First, p.Second, reading.DetectedSrid));
                return null;
            }

            if (reading.Swapped)
            {
                warn(p.FirstField, string.Format(ListTexts.CoordinatesSwapped, header.NameOf(p.FirstField), header.NameOf(p.SecondField), p.First, p.Second));
            }

            // A point in the stated Gemeinde, or in a Gemeinde of the stated Kreis, is inside; only others need a distance.
            if (region is not null && municipality.Key != region.Key && municipality.DistrictKey != region.Key)
            {
                var distance = region.Boundary.Distance(reading.Point);
                if (distance > OutsideAreaWarningMetres)
                {
                    warn(p.FirstField, string.Format(ListTexts.CoordinateFarFromArea, distance / 1000, region.Name, municipality.Name));
                }
            }

            return (reading.Point, LocationSource.Coordinates);
        }

        if (region is null)
        {
            return null;
        }

        if (postcode is not null && geography.PostcodePlaces.TryGetValue(postcode, out var places))
        {
            // The place of the postcode inside the area worked for, else any place of the postcode.
            var place = places.FirstOrDefault(pl => region.Contains(pl.Ags)) ?? places[0];
            return (place.Location, LocationSource.Postcode);
        }

        if (postcode is not null)
        {
            warn(ListField.Postcode, string.Format(ListTexts.PostcodeUnknown, postcode));
        }

        return (region.LabelPoint, LocationSource.Area);
    }

    private (string First, string Second, CoordinateColumns Columns, ListField FirstField, ListField SecondField)? CoordinatePair(ListRow row)
    {
        foreach (var (first, second, columns) in new[]
                 {
                     (ListField.Latitude, ListField.Longitude, CoordinateColumns.LatitudeLongitude),
                     (ListField.Easting, ListField.Northing, CoordinateColumns.EastingNorthing),
                 })
        {
            if (header.Columns.TryGetValue(first, out var a) && header.Columns.TryGetValue(second, out var b)
                && !(row[a].IsEmpty && row[b].IsEmpty))
            {
                return (CoordinateText(row[a]), CoordinateText(row[b]), columns, first, second);
            }
        }

        return null;
    }

    private static string CoordinateText(ListCell cell) =>
        cell.Number is { } number ? number.ToString("R", CultureInfo.InvariantCulture) : cell.Text.Trim();
}
