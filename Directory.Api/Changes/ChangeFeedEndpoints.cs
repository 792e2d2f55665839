using System.Globalization;
using System.Text;
using System.Xml;
using Directory.Api.Hsds;
using Directory.Api.Problems;
using Directory.Api.Security;
using Directory.Api.Texts;
using Directory.Core.Geography;
using Directory.Core.Managers;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Directory.Api.Changes;

/// <summary>
/// <c>/api/changes.atom</c> (with <c>?kreis=</c> or <c>?gemeinde=</c>): an Atom 1.0 feed (RFC 4287) of what the public
/// saw change, newest first, from <c>public_changes</c>, which imports and edits write beside the history. It names
/// only entries the public can see now: the rows of an entry that has since been hidden or removed are left out, and
/// a removal names no one (its area only, which the public saw change on the map anyway).
/// </summary>
public static class ChangeFeedEndpoints
{
    /// <summary>Entries in one feed.</summary>
    public const int MaxEntries = 100;

    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Maps the feed.</summary>
    public static IEndpointRouteBuilder MapChangeFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/changes.atom", FeedAsync).WithTags("Familienmanager").WithName("ChangeFeed")
            .WithSummary("An Atom feed of public additions, removals and changes, newest first; optionally of one Kreis or Gemeinde.")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> FeedAsync(HttpRequest request, SnapshotProvider snapshots,
        DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var geography = snapshots.Current.Geography;
        var kreis = request.Query["kreis"].ToString();
        var gemeinde = request.Query["gemeinde"].ToString();
        var errors = new Dictionary<string, string[]>();
        if (kreis.Length > 0 && (RegionKey.LevelOf(kreis) != RegionLevel.Kreis || geography.Find(kreis) is not { Level: RegionLevel.Kreis }))
        {
            errors["kreis"] = [string.Format(ApiTexts.FeedKreisInvalid, Short(kreis))];
        }

        if (gemeinde.Length > 0 && (RegionKey.LevelOf(gemeinde) != RegionLevel.Gemeinde || geography.Find(gemeinde) is not { Level: RegionLevel.Gemeinde }))
        {
            errors["gemeinde"] = [string.Format(ApiTexts.FeedGemeindeInvalid, Short(gemeinde))];
        }

        if (kreis.Length > 0 && gemeinde.Length > 0)
        {
            errors["gemeinde"] = [ApiTexts.FeedOneArea];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.InvalidParameters(errors);
        }

        var area = kreis.Length > 0 ? kreis : gemeinde.Length > 0 ? gemeinde : null;
        var query = db.PublicChanges.AsNoTracking();
        if (area is not null)
        {
            // A Gemeinde's feed: its own entries and its Kreis's; a Kreis's: everything within; both: "many" rows for NRW.
            var kreisOfArea = RegionKey.DistrictOf(area);
            query = RegionKey.IsGemeinde(area)
                ? query.Where(c => c.AreaKey == area || c.AreaKey == kreisOfArea || c.AreaKey == RegionKey.Land)
                : query.Where(c => c.AreaKey.StartsWith(area) || c.AreaKey == RegionKey.Land);
        }

        // Rows naming an entry the public cannot see now are left out (a withdrawn consent takes its name out of the
        // feed's past too); removals and the "many" rows name no one. Read in batches until the feed is full.
        var snapshot = snapshots.Current;
        bool Shown(PublicChange c) => c.Kind is PublicChangeKinds.Removed or PublicChangeKinds.Many
            || (c.ManagerId > 0 && snapshot.FindPublicManager(c.ManagerId) is not null);
        var changes = new List<PublicChange>();
        for (var before = int.MaxValue; changes.Count < MaxEntries;)
        {
            var from = before;
            var batch = await query.Where(c => c.Id < from).OrderByDescending(c => c.Id).Take(4 * MaxEntries).ToListAsync(cancellationToken);
            changes.AddRange(batch.Where(Shown).Take(MaxEntries - changes.Count));
            if (batch.Count < 4 * MaxEntries)
            {
                break;
            }

            before = batch[^1].Id;
        }

        var root = ReverseProxy.PublicBaseUrl(request);
        var self = $"{root}/api/changes.atom{(area is null ? "" : $"?{(RegionKey.IsGemeinde(area) ? "gemeinde" : "kreis")}={area}")}";
        var title = area is null ? ApiTexts.FeedTitle : string.Format(CultureInfo.CurrentCulture, ApiTexts.FeedTitleArea, geography.Find(area)!.Name);
        return TypedResults.File(Write(changes, geography, root, self, title), "application/atom+xml; charset=utf-8");
    }

    private static string Text(string format, params object?[] values) => string.Format(CultureInfo.CurrentCulture, format, values);

    private static string Short(string text) => text.Length > 20 ? text[..20] + "…" : text;

    private static byte[] Write(IReadOnlyList<PublicChange> changes, GeographySnapshot geography, string root, string self, string title)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            var xml = new XmlTextOnly(writer);
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            // In the reader's language (Accept-Language: German or English); the changed fields' names are stored in German.
            xml.WriteAttributeString("xml", "lang", null, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "de");
            xml.WriteElementString("id", Atom, $"urn:uuid:{HsdsIds.For("feed", self[root.Length..])}");
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("subtitle", Atom, ApiTexts.FeedSubtitle);
            // A feed without changes yet is as old as the project's first list format.
            xml.WriteElementString("updated", Atom, Time(changes.Count > 0 ? changes[0].ChangedAtUtc : new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
            Link(xml, "self", self, "application/atom+xml");
            Link(xml, "alternate", root + "/", "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "Familienmanager NRW");
            xml.WriteElementString("uri", Atom, root + "/");
            xml.WriteEndElement();
            xml.WriteElementString("rights", Atom, ApiTexts.FeedRights);
            foreach (var change in changes)
            {
                var areaName = geography.Find(change.AreaKey)?.Name ?? change.AreaKey;
                var (entryTitle, summary, link) = change.Kind switch
                {
                    PublicChangeKinds.Added => (Text(ApiTexts.FeedAddedTitle, change.Name, areaName), Text(ApiTexts.FeedAddedSummary, change.Name, areaName), Entry(root, change)),
                    PublicChangeKinds.Changed => (Text(ApiTexts.FeedChangedTitle, change.Name, areaName), Text(ApiTexts.FeedChangedSummary, change.Fields), Entry(root, change)),
                    PublicChangeKinds.Removed => (Text(ApiTexts.FeedRemovedTitle, areaName), Text(ApiTexts.FeedRemovedSummary, areaName),
                        $"{root}/?ort={Uri.EscapeDataString(areaName)}"),
                    _ => (ApiTexts.FeedManyTitle, Many(change.Fields), root + "/"),
                };
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"urn:uuid:{HsdsIds.For("change", change.Id.ToString(CultureInfo.InvariantCulture))}");
                xml.WriteElementString("title", Atom, entryTitle);
                xml.WriteElementString("updated", Atom, Time(change.ChangedAtUtc));
                Link(xml, "alternate", link, "text/html");
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", change.Kind);
                xml.WriteEndElement();
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(summary);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static string Entry(string root, PublicChange change) =>
        change.ManagerId > 0 ? $"{root}/eintrag?id={change.ManagerId}" : $"{root}/";

    private static string Many(string? counts)
    {
        var parts = (counts ?? "0,0,0").Split(',');
        return Text(ApiTexts.FeedManySummary, parts[0], parts.ElementAtOrDefault(1) ?? "0", parts.ElementAtOrDefault(2) ?? "0");
    }

    private static void Link(XmlTextOnly xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>
    /// The writer as the feed uses it, every text passed through <see cref="Xml"/>: stored text may hold characters
    /// XML cannot carry (a control character pasted before the import cleaned them), and the feed must never fail on
    /// what is stored.
    /// </summary>
    private sealed class XmlTextOnly(XmlWriter writer)
    {
        public void WriteStartDocument() => writer.WriteStartDocument();

        public void WriteStartElement(string name, string ns) => writer.WriteStartElement(name, ns);

        public void WriteEndElement() => writer.WriteEndElement();

        public void WriteElementString(string name, string ns, string value) => writer.WriteElementString(name, ns, Xml(value));

        public void WriteAttributeString(string name, string value) => writer.WriteAttributeString(name, Xml(value));

        public void WriteAttributeString(string prefix, string name, string? ns, string value) => writer.WriteAttributeString(prefix, name, ns, Xml(value));

        public void WriteString(string value) => writer.WriteString(Xml(value));

        // Each character XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/FFFF) becomes U+FFFD.
        private static string Xml(string text)
        {
            var builder = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                {
                    builder.Append(text, i++, 2);
                }
                else
                {
                    builder.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
                }
            }

            return builder.Length == text.Length && builder.Equals(text.AsSpan()) ? text : builder.ToString();
        }
    }

    // RFC 3339 in UTC, as Atom's date constructs require.
    private static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
