using System.Text.RegularExpressions;
using Directory.Core.Texts;

namespace Directory.Core.Managers;

/// <summary>
/// The rules for an entry's contact fields, in one place for the list import and the staff area's edit form. Each
/// check returns the value to store (or null) and, when the text is not acceptable, a German message naming it.
/// </summary>
public static partial class ContactValidation
{
    /// <summary>Longest text accepted in any field.</summary>
    public const int MaxTextLength = 500;

    // name@host.tld, without the characters that change a mailto: link ("?subject=", "&cc=", "%0A" headers) or
    // quote and bracket it; RFC 5322 allows some of them in the local part, but no real address here uses them.
    [GeneratedRegex(@"^[^@\s?&%<>""(),;:\[\]\\]+@[^@\s?&%<>""(),;:\[\]\\]+\.[^@\s?&%<>""(),;:\[\]\\]+$")]
    private static partial Regex EmailPattern();

    /// <summary>
    /// <paramref name="text"/> with each control character (C0, DEL and C1: a vertical tab pasted from Word, "_x000B_"
    /// in an xlsx cell) replaced by a space and runs of spaces made one; <paramref name="changed"/> says whether there
    /// were any. Such characters are never part of a name or an address, and XML (the Atom feed, GeoPackage
    /// metadata) cannot carry most of them.
    /// </summary>
    public static string WithoutControlCharacters(string text, out bool changed)
    {
        changed = text.Any(char.IsControl);
        if (!changed)
        {
            return text;
        }

        var spaced = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);
        return MultipleSpaces().Replace(spaced, " ").Trim();
    }

    [GeneratedRegex(" {2,}")]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex(@"^[0-9+()/\-. ]+$")]
    private static partial Regex PhonePattern();

    /// <summary>A 5-digit German postcode.</summary>
    public static string? Postcode(string? text, out string? error)
    {
        error = null;
        if (text is null)
        {
            return null;
        }

        if (text.Length != 5 || !text.All(char.IsAsciiDigit))
        {
            error = string.Format(ListTexts.PostcodeInvalid, text);
            return null;
        }

        return text;
    }

    /// <summary>An e-mail address of the plain form name@host.tld.</summary>
    public static string? Email(string? text, out string? error)
    {
        error = null;
        if (text is not null && !EmailPattern().IsMatch(text))
        {
            error = string.Format(ListTexts.EmailInvalid, text);
            return null;
        }

        return text;
    }

    /// <summary>A website; "www.olpe.de" becomes "https://www.olpe.de", anything but http(s) is refused.</summary>
    public static string? Website(string? text, out string? error)
    {
        error = null;
        if (text is null)
        {
            return null;
        }

        // "www.olpe.de" is what people write; a link needs a scheme. Anything but http(s) is refused (javascript:, data:).
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !uri.Host.Contains('.') || text.Any(char.IsWhiteSpace))
        {
            error = string.Format(ListTexts.WebsiteInvalid, text);
            return null;
        }

        return candidate;
    }

    /// <summary>A phone number is kept as written; unusual characters only draw a warning.</summary>
    public static string? PhoneWarning(string? text) =>
        text is not null && !PhonePattern().IsMatch(text) ? string.Format(ListTexts.PhoneUnusual, text) : null;
}
