namespace Directory.Api.PublicPages;

/// <summary>
/// What the operator adds to the public pages (configuration section <c>Pages</c>): where families get direct help,
/// and a video in German Sign Language (DGS). Names and addresses are shown as given, in every language.
/// </summary>
public sealed class PublicPageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Pages";

    /// <summary>
    /// Places of direct help for families (Familienbüro, Familienzentren, Jugendamt), listed on the page "Was macht eine
    /// Familienmanagerin?". Empty: the page says where such help is usually found, without links.
    /// </summary>
    public List<HelpLink> HelpLinks { get; set; } = [];

    /// <summary>A video in German Sign Language explaining the service (a link, opened in a new window); empty for none.</summary>
    public string? SignLanguageVideoUrl { get; set; }
}

/// <summary>A place of direct help: its name, an address (https) and an optional line on what it offers.</summary>
public sealed class HelpLink
{
    /// <summary>The name as the operator gives it, e.g. "Familienbüro der Stadt Olpe".</summary>
    public string Title { get; set; } = "";

    /// <summary>An http(s) address; others are not shown.</summary>
    public string Url { get; set; } = "";

    /// <summary>What families find there, in the operator's words (optional).</summary>
    public string? Description { get; set; }
}
