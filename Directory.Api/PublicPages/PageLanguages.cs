using Microsoft.AspNetCore.Http.Headers;

namespace Directory.Api.PublicPages;

/// <summary>A language of the public pages: its code (also the name of its text file), its own name and direction.</summary>
public sealed record PageLanguage(string Code, string Name, string Direction);

/// <summary>
/// The languages of the public pages and how a request picks one: <c>?sprache=</c> first (kept in the page's links),
/// then the browser's <c>Accept-Language</c>, then German.
/// </summary>
public static class PageLanguages
{
    /// <summary>The query parameter that selects a language.</summary>
    public const string QueryKey = "sprache";

    /// <summary>German, the default and the language every text is written in first.</summary>
    public static readonly PageLanguage German = new("de", "Deutsch", "ltr");

    /// <summary>All languages, in the order the switch lists them.</summary>
    public static readonly IReadOnlyList<PageLanguage> All =
    [
        German,
        new("en", "English", "ltr"),
        new("tr", "Türkçe", "ltr"),
        new("ar", "العربية", "rtl"),
        new("uk", "Українська", "ltr"),
    ];

    /// <summary>The language of <paramref name="code"/>, or null when the pages have none by that code.</summary>
    public static PageLanguage? Find(string? code) =>
        All.FirstOrDefault(l => string.Equals(l.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The request's language, and whether it was chosen explicitly with <c>?sprache=</c>.</summary>
    public static (PageLanguage Language, bool Chosen) Choose(HttpRequest request)
    {
        if (Find(request.Query[QueryKey]) is { } chosen)
        {
            return (chosen, true);
        }

        return (FromAcceptLanguage(new RequestHeaders(request.Headers)) ?? German, false);
    }

    // "tr-TR,tr;q=0.9,en;q=0.5": the first supported language by quality; a region ("tr-TR") counts as its language.
    private static PageLanguage? FromAcceptLanguage(RequestHeaders headers)
    {
        IList<Microsoft.Net.Http.Headers.StringWithQualityHeaderValue> values;
        try
        {
            values = headers.AcceptLanguage;
        }
        catch (FormatException)
        {
            return null;
        }

        return values
            .Where(v => (v.Quality ?? 1) > 0)
            .OrderByDescending(v => v.Quality ?? 1) // stable: equal qualities keep the browser's order
            .Select(v => Find(v.Value.Value?.Split('-')[0]))
            .FirstOrDefault(l => l is not null);
    }
}
