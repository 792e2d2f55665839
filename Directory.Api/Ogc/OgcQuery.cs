using System.Globalization;
using Directory.Api.Texts;
using NetTopologySuite.Geometries;

namespace Directory.Api.Ogc;

/// <summary>A bbox in the axis order of its CRS's geometries (EPSG:4326: latitude first, as the values come).</summary>
public sealed record OgcBox(Envelope Box, OgcCrs Crs);

/// <summary><c>sortby=name</c> or <c>sortby=-einwohner</c>: one property, descending with "-".</summary>
public sealed record OgcSortBy(string Property, bool Descending);

/// <summary>An items query, checked.</summary>
/// <param name="Limit">Features per page.</param>
/// <param name="Offset">Features skipped.</param>
/// <param name="Crs">The answer's CRS.</param>
/// <param name="Box">The bbox, if any.</param>
/// <param name="SortBy">The order, if any (else the collection's own).</param>
/// <param name="Equal">Equality filters: property and value.</param>
public sealed record OgcItemsQuery(int Limit, int Offset, OgcCrs Crs, OgcBox? Box, OgcSortBy? SortBy,
    IReadOnlyList<(string Property, string Value)> Equal);

/// <summary>
/// The OGC API's query rules as pure functions of the query's values, as pygeoapi keeps them apart from routing and
/// rendering: each returns the value or adds a German message, keyed by the parameter, to <c>errors</c>. Unit-tested
/// on their own (<c>OgcQueryTests</c>); the endpoints only call them.
/// </summary>
public static class OgcQuery
{
    /// <summary>The items' equality filters: the query parameter and the property each compares.</summary>
    public static readonly string[] Filters = ["ags", "kreis", "regierungsbezirk"];

    /// <summary>Every query parameter of the items resource (besides <c>f</c>).</summary>
    public static readonly string[] ItemsParameters = ["limit", "offset", "bbox", "bbox-crs", "crs", .. Filters, "sortby", "filter", "filter-lang", "filter-crs"];

    /// <summary>
    /// The CQL2 filter as a test of a feature by index, with what an index can select first
    /// (<see cref="Cql2Evaluator.Narrowing"/>: a box in CRS84 and text equalities, so that a filter on a place or a
    /// Kreis does not test every feature); null without a filter. A filter that cannot be read or names what the
    /// collection does not have is a message under <c>filter</c> that says where.
    /// </summary>
    public static (Func<int, bool> Test, NetTopologySuite.Geometries.Envelope? Box, IReadOnlyList<(string Property, string Value)> Equal)? FilterWithNarrowing(
        string? text, string? language, string? crsUri, OgcCollection collection, Ogc.Filters.Cql2Limits limits, Dictionary<string, string[]> errors)
    {
        var crs = Crs(crsUri, "filter-crs", errors) ?? OgcCrs.Crs84;
        // "cql-text": the name in the drafts of Part 3, which GDAL before 3.7 sends; its basic syntax is CQL2's.
        if (!string.IsNullOrEmpty(language) && language is not ("cql2-text" or "cql2-json" or "cql-text"))
        {
            errors["filter-lang"] = [string.Format(ApiTexts.OgcFilterLangInvalid, language)];
        }

        if (string.IsNullOrEmpty(text) || errors.Count > 0)
        {
            return null;
        }

        try
        {
            var expression = language == "cql2-json" ? Ogc.Filters.Cql2JsonParser.Read(text, limits) : Ogc.Filters.Cql2TextParser.Read(text, limits);
            var test = Cql2Evaluator.Compile(expression, collection, crs);
            var (box, equal) = Cql2Evaluator.Narrowing(expression, crs);
            // Only equalities the collection selects by (the family managers: their area keys); others stay in the test.
            return (test, box, equal.Where(e => collection.SelectsBy(e.Property)).ToList());
        }
        catch (Ogc.Filters.Cql2Exception exception)
        {
            errors["filter"] = [string.Format(ApiTexts.OgcFilterInvalid, exception.Position, exception.Message)];
            return null;
        }
    }

    /// <summary>
    /// Unknown query parameters (the standard asks for a 400) and an unknown <c>f</c>; whether HTML is asked for, by
    /// <c>f=html</c> or by an Accept header that names HTML and not JSON.
    /// </summary>
    public static bool WantsHtml(IEnumerable<string> keys, string? f, string? accept, IReadOnlyCollection<string> allowed,
        Dictionary<string, string[]> errors)
    {
        foreach (var key in keys.Where(k => k != "f" && !allowed.Contains(k)))
        {
            errors[key] = [string.Format(ApiTexts.OgcUnknownParameter, key)];
        }

        if (!string.IsNullOrEmpty(f) && f is not ("json" or "html"))
        {
            errors["f"] = [string.Format(ApiTexts.OgcFormatInvalid, f)];
        }

        accept ??= "";
        return f == "html" || (string.IsNullOrEmpty(f) && accept.Contains("text/html", StringComparison.Ordinal)
                                                       && !accept.Contains("json", StringComparison.Ordinal));
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public static int? Integer(string? value, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors[name] = [string.Format(ApiTexts.OgcIntegerInvalid, value, min, max)];
        return null;
    }

    /// <summary>One of the CRS URIs the API serves (<see cref="OgcCrsUris.All"/>); null when absent.</summary>
    public static OgcCrs? Crs(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var crs = OgcCrsUris.Parse(value);
        if (crs is null)
        {
            errors[name] = [string.Format(ApiTexts.OgcCrsInvalid, value, string.Join(", ", OgcCrsUris.All))];
        }

        return crs;
    }

    /// <summary>
    /// <c>minx,miny,maxx,maxy</c> in <paramref name="crs"/>: four finite numbers, min not above max, latitudes
    /// within ±90° (<see cref="OgcCrsUris.ToCrs84"/>); null when absent.
    /// </summary>
    public static OgcBox? Bbox(string? value, OgcCrs crs, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parts = value.Split(',');
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : (double?)null).ToList();
        if (parts.Length != 4 || numbers.Any(n => n is null) || numbers[0] > numbers[2] || numbers[1] > numbers[3]
            || OgcCrsUris.ToCrs84(numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, numbers[3]!.Value, crs) is null)
        {
            errors["bbox"] = [string.Format(ApiTexts.OgcBboxInvalid, value)];
            return null;
        }

        return new OgcBox(new Envelope(numbers[0]!.Value, numbers[2]!.Value, numbers[1]!.Value, numbers[3]!.Value), crs);
    }

    /// <summary>One of <paramref name="properties"/>, "-" before it for descending, "+" allowed; null when absent.</summary>
    public static OgcSortBy? SortBy(string? value, IReadOnlyList<string> properties, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var property = value.TrimStart('+', '-');
        if (properties.Count > 0 && !properties.Contains(property))
        {
            errors["sortby"] = [string.Format(ApiTexts.OgcSortByInvalid, value, string.Join(", ", properties))];
            return null;
        }

        return new OgcSortBy(property, value.StartsWith('-'));
    }

    /// <summary>
    /// The items query of <paramref name="collection"/> from the query's values (<paramref name="value"/> gives a
    /// parameter's value or null), or null with every problem in <paramref name="errors"/>.
    /// </summary>
    public static OgcItemsQuery? Items(Func<string, string?> value, OgcCollection collection, int largestPage,
        Dictionary<string, string[]> errors)
    {
        var limit = Integer(value("limit"), "limit", OgcEndpoints.DefaultLimit, 1, largestPage, errors);
        var offset = Integer(value("offset"), "offset", 0, 0, int.MaxValue, errors);
        var crs = Crs(value("crs"), "crs", errors);
        var boxCrs = Crs(value("bbox-crs"), "bbox-crs", errors);
        var box = Bbox(value("bbox"), boxCrs ?? OgcCrs.Crs84, errors);
        var sortBy = SortBy(value("sortby"), collection.PropertyNames, errors);
        var equal = Filters
            .Select(filter => (Filter: filter, Value: value(filter)))
            .Where(f => !string.IsNullOrEmpty(f.Value))
            .Select(f => (f.Filter == "ags" ? (collection.Id == "familienmanager" ? "gebiet" : "schluessel") : f.Filter, f.Value!))
            .ToList();
        return errors.Count > 0 ? null : new OgcItemsQuery(limit!.Value, offset!.Value, crs ?? OgcCrs.Crs84, box, sortBy, equal);
    }
}
