using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Directory.Api.PublicPages;

/// <summary>
/// A public page: its template in the web root, its address relative to the site's root (for the language switch),
/// whether it is translated (else German in every language: the Steckbrief, the API reference, Leichte Sprache),
/// and the paths it answers.
/// </summary>
public sealed record PublicPage(string Template, string Self, bool Translated, params string[] Paths);

/// <summary>
/// The public pages, filled in the request's language on the server: <c>{{key}}</c> from the language's text file
/// <c>wwwroot/i18n/{code}.json</c> (the same file the page's scripts read), <c>lang</c> and <c>dir</c> set, the language
/// switch and the operator's links added. A page is complete in its language without a script, and its first paint
/// is never German for a Turkish reader.
/// </summary>
public static partial class PublicPages
{
    /// <summary>The embedded view: the one page other sites may frame (Security:FrameAncestors).</summary>
    public const string EmbeddedViewPath = Security.SecurityHeaders.EmbeddedViewPath;

    /// <summary>Every public page.</summary>
    public static readonly IReadOnlyList<PublicPage> All =
    [
        new("index.html", "./", true, "/", "/index.html"),
        new("abdeckung.html", "abdeckung", true, "/abdeckung", "/abdeckung.html"),
        new("familienmanagerin.html", "familienmanagerin", true, "/familienmanagerin", "/familienmanagerin.html"),
        new("barrierefreiheit.html", "barrierefreiheit", true, "/barrierefreiheit", "/barrierefreiheit.html"),
        new("eintrag.html", "eintrag", true, "/eintrag", "/eintrag.html"),
        new("steckbrief.html", "abdeckung/steckbrief", false, "/abdeckung/steckbrief", "/steckbrief.html"),
        new("leichte-sprache.html", "leichte-sprache", false, "/leichte-sprache", "/leichte-sprache.html"),
        new("einbetten.html", "einbetten", false, "/einbetten", "/einbetten.html"),
        new("einbetten-karte.html", "einbetten/karte", true, EmbeddedViewPath),
        new("api.html", "api.html", false, "/api.html"),
    ];

    private static readonly Dictionary<string, PublicPage> ByPath = All
        .SelectMany(page => page.Paths.Select(path => (path, page)))
        .ToDictionary(p => p.path, p => p.page, StringComparer.OrdinalIgnoreCase);

    /// <summary>The page at <paramref name="path"/>, or null.</summary>
    public static PublicPage? Find(PathString path) => ByPath.GetValueOrDefault(path.Value ?? "");

    /// <summary>Registers the renderer and the operator's options.</summary>
    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        services.AddOptions<PublicPageOptions>().BindConfiguration(PublicPageOptions.Section);
        services.AddSingleton<PublicPageRenderer>();
        return services;
    }

    /// <summary>
    /// Answers the pages' paths. In front of the wait for the directory: a page needs no data, and the browser fetches
    /// its scripts and styles while the directory loads.
    /// </summary>
    public static IApplicationBuilder UsePublicPages(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                || Find(context.Request.Path) is not { } page)
            {
                await next(context);
                return;
            }

            var (language, chosen) = PageLanguages.Choose(context.Request);
            var shown = page.Translated ? language : PageLanguages.German;
            var body = context.RequestServices.GetRequiredService<PublicPageRenderer>().Render(page, shown, chosen ? language : null);
            var response = context.Response;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.ContentLanguage = shown.Code;
            // The same address answers in the browser's language: caches must keep one copy per Accept-Language.
            response.Headers.Vary = "Accept-Language";
            response.Headers.CacheControl = "no-cache";
            response.ContentLength = body.Length;
            if (HttpMethods.IsGet(context.Request.Method))
            {
                await response.Body.WriteAsync(body, context.RequestAborted);
            }
        });
}

/// <summary>Fills the page templates and keeps each (page, language, chosen language) once.</summary>
public sealed partial class PublicPageRenderer(IWebHostEnvironment environment, IOptions<PublicPageOptions> options,
    IOptions<Reports.ReportOptions> reportOptions)
{
    private readonly ConcurrentDictionary<(string Page, string Language, string? Chosen), byte[]> pages = new();
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> texts = new();

    /// <summary>The texts of a language as its file gives them.</summary>
    public IReadOnlyDictionary<string, string> Texts(PageLanguage language) =>
        texts.GetOrAdd(language.Code, code => ReadTexts($"i18n/{code}.json"));

    /// <summary>
    /// <paramref name="page"/> in <paramref name="language"/>; <paramref name="chosen"/> is the language asked for with
    /// <c>?sprache=</c>, kept in the page's links (null when the browser's language decided).
    /// </summary>
    public byte[] Render(PublicPage page, PageLanguage language, PageLanguage? chosen)
    {
        // In Development the templates are edited while the service runs.
        if (environment.IsDevelopment())
        {
            return Build(page, language, chosen);
        }

        return pages.GetOrAdd((page.Template, language.Code, chosen?.Code), _ => Build(page, language, chosen));
    }

    private byte[] Build(PublicPage page, PageLanguage language, PageLanguage? chosen)
    {
        var template = ReadFile(page.Template);
        var own = Texts(language);
        var german = Texts(PageLanguages.German);
        var retentionDays = reportOptions.Value.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string Text(string key) =>
            (own.GetValueOrDefault(key) ?? german.GetValueOrDefault(key)
             ?? throw new InvalidOperationException($"{page.Template}: no text \"{key}\" in i18n/de.json."))
            // The one figure a page's text takes from configuration: how long reports are kept (the privacy text).
            .Replace("{retentionDays}", retentionDays, StringComparison.Ordinal);

        var html = Placeholder().Replace(template, match =>
        {
            var key = match.Groups[1].Value;
            return key switch
            {
                "@lang" => language.Code,
                "@dir" => language.Direction,
                "@q" => chosen is null ? "" : $"?{PageLanguages.QueryKey}={chosen.Code}",
                "@languages" => LanguageSwitch(page, language, Text),
                "@helpLinks" => HelpLinks(Text),
                "@signVideo" => SignVideo(Text),
                // Keys ending in ".html" hold the project's own markup (links, emphasis); everything else is text.
                _ when key.EndsWith(".html", StringComparison.Ordinal) => Text(key),
                _ => Encode(Text(key)),
            };
        });
        return Encoding.UTF8.GetBytes(html);
    }

    // The switch links to this page in each language (an untranslated page: to the start page), and to Leichte Sprache.
    // Each language is named in itself, marked with its lang so that screen readers pronounce it.
    private static string LanguageSwitch(PublicPage page, PageLanguage current, Func<string, string> text)
    {
        var target = page.Translated ? page.Self : "./";
        var html = new StringBuilder($"<nav class=\"language-switch\" aria-label=\"{Encode(text("languages.label"))}\"><ul>");
        foreach (var language in PageLanguages.All)
        {
            var currentMark = page.Translated && language == current ? " aria-current=\"true\"" : "";
            html.Append($"<li><a href=\"{target}?{PageLanguages.QueryKey}={language.Code}\" hreflang=\"{language.Code}\" lang=\"{language.Code}\" dir=\"{language.Direction}\" data-language=\"{language.Code}\"{currentMark}>{Encode(language.Name)}</a></li>");
        }

        var easy = page.Template == "leichte-sprache.html" ? " aria-current=\"page\"" : "";
        html.Append($"<li><a href=\"leichte-sprache\" hreflang=\"de\" lang=\"de\" dir=\"ltr\"{easy}>Leichte Sprache</a></li></ul></nav>");
        return html.ToString();
    }

    private string HelpLinks(Func<string, string> text)
    {
        var links = options.Value.HelpLinks.Where(l => !string.IsNullOrWhiteSpace(l.Title) && IsWebAddress(l.Url)).ToList();
        if (links.Count == 0)
        {
            return $"<p>{Encode(text("help.none"))}</p>";
        }

        var html = new StringBuilder("<ul class=\"help-links\">");
        foreach (var link in links)
        {
            // The operator writes these in German, whatever the page's language: marked so that they are read as German.
            html.Append($"<li lang=\"de\"><a href=\"{Encode(link.Url)}\" rel=\"noopener\">{Encode(link.Title)}</a>");
            if (!string.IsNullOrWhiteSpace(link.Description))
            {
                html.Append($": {Encode(link.Description)}");
            }

            html.Append("</li>");
        }

        return html.Append("</ul>").ToString();
    }

    private string SignVideo(Func<string, string> text) =>
        IsWebAddress(options.Value.SignLanguageVideoUrl)
            ? $"<p class=\"sign-video\"><a href=\"{Encode(options.Value.SignLanguageVideoUrl!)}\" target=\"_blank\" rel=\"noopener\">{Encode(text("signVideo.link"))}</a></p>"
            : "";

    private static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private string ReadFile(string path)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The page file wwwroot/{path} is missing from Directory.Web.", path);
        }

        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private IReadOnlyDictionary<string, string> ReadTexts(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(ReadFile(path))
        ?? throw new InvalidDataException($"wwwroot/{path} is not an object of texts.");

    // Text into HTML: the five characters that could end an element or an attribute; every other character stays
    // itself in UTF-8, so that the source reads as the page does.
    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\{(@?[A-Za-z0-9_.\-]+)\}\}")]
    private static partial Regex Placeholder();
}
