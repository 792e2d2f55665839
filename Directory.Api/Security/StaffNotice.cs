using System.Text.Encodings.Web;

namespace Directory.Api.Security;

/// <summary>
/// A short German page of the staff area for answers that are no page of it (401, 403, 429, HTTPS needed): a title,
/// a sentence, and optionally a link onwards (with an immediate refresh to it where the link is the way on).
/// </summary>
internal static class StaffNotice
{
    /// <summary>Writes the page with <paramref name="status"/>.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string text, (string Href, string Text)? link = null,
        bool refreshToLink = false, CancellationToken cancellationToken = default)
    {
        var html = HtmlEncoder.Default;
        var href = link is { } l ? html.Encode(l.Href) : null;
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + (refreshToLink && href is not null ? $"<meta http-equiv=\"refresh\" content=\"0; url={href}\">" : "")
            + $"<title>{html.Encode(title)} – Familienmanager NRW</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head>"
            + $"<body><main class=\"staff\"><h1>{html.Encode(title)}</h1><p>{html.Encode(text)}</p>"
            + (link is { } onwards ? $"<p><a href=\"{href}\">{html.Encode(onwards.Text)}</a></p>" : "")
            + "</main></body></html>",
            cancellationToken);
    }
}
