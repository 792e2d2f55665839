using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Directory.Api.Problems;
using Directory.Api.Security;
using Directory.Api.Texts;
using Directory.Core.Geography;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Directory.Api.Hsds;

/// <summary>
/// Open Referral HSDS 3.0 under <c>/hsds</c>: the root, services and organizations, shaped as the specification's
/// OpenAPI document and schemas describe (docs/hsds.md has the mapping). Only the public view.
/// </summary>
public static class HsdsEndpoints
{
    /// <summary>The largest page.</summary>
    public const int MaxPerPage = 500;

    /// <summary>Maps the HSDS API.</summary>
    public static IEndpointRouteBuilder MapHsds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/hsds").WithTags("HSDS 3.0");
        group.MapGet("/", Root).WithName("HsdsRoot").WithSummary("HSDS version and profile of this API.");
        group.MapGet("/services", ServicesAsync).WithName("HsdsServices")
            .WithSummary("Services (one per municipality or Kreis with public family managers), paginated, with search and modified_after.")
            .ProducesValidationProblem();
        group.MapGet("/services/{id}", ServiceAsync).WithName("HsdsService")
            .WithSummary("One service with its organization, service area, locations, contacts and phones.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/organizations", OrganizationsAsync).WithName("HsdsOrganizations")
            .WithSummary("Organizations (the municipalities and Kreise public family managers work for), paginated, with search.")
            .ProducesValidationProblem();
        group.MapGet("/organizations/{id}", OrganizationAsync).WithName("HsdsOrganization")
            .WithSummary("One organization with its identifiers and services.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Ok<JsonObject> Root(HttpRequest request)
    {
        var root = ReverseProxy.PublicBaseUrl(request);
        return TypedResults.Ok(new JsonObject
        {
            ["version"] = "3.0",
            ["profile"] = "https://docs.openreferral.org/en/3.0/",
            ["openapi_url"] = $"{root}/openapi/v1.json",
            ["changes_url"] = $"{root}/api/changes.atom",
        });
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem>> ServicesAsync(HttpRequest request, SnapshotProvider snapshots,
        DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (ReadQuery(request, allowModifiedAfter: true) is not { } query)
        {
            return ApiProblems.InvalidParameters(Errors(request, allowModifiedAfter: true));
        }

        var model = await ModelAsync(snapshots, db, cancellationToken);
        var areas = model.Areas.Where(a => Matches(a, query.Search)
            && (query.ModifiedAfter is not { } after || a.LastChecked?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) >= after));
        return TypedResults.Ok(Page(areas.ToList(), query, model.ServiceListItem));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ServiceAsync(
        [Description("The service's UUID.")] string id, SnapshotProvider snapshots, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(snapshots, db, cancellationToken);
        return model.ByServiceId(id) is { } area ? TypedResults.Ok(model.Service(area)) : NotFound(id);
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem>> OrganizationsAsync(HttpRequest request, SnapshotProvider snapshots,
        DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (ReadQuery(request, allowModifiedAfter: false) is not { } query)
        {
            return ApiProblems.InvalidParameters(Errors(request, allowModifiedAfter: false));
        }

        var model = await ModelAsync(snapshots, db, cancellationToken);
        return TypedResults.Ok(Page(model.Areas.Where(a => Matches(a, query.Search)).ToList(), query, model.OrganizationListItem));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> OrganizationAsync(
        [Description("The organization's UUID.")] string id, SnapshotProvider snapshots, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(snapshots, db, cancellationToken);
        return model.ByOrganizationId(id) is { } area ? TypedResults.Ok(model.Organization(area)) : NotFound(id);
    }

    // One model per snapshot: every change of the list (import, edit, check) publishes a new snapshot, so the model
    // and the history's last change it names are built once per change, not per request.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ServedSnapshot, HsdsModel> Models = new();

    private static async Task<HsdsModel> ModelAsync(SnapshotProvider snapshots, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var snapshot = snapshots.Current;
        if (Models.TryGetValue(snapshot, out var model))
        {
            return model;
        }

        // The time of the last change only: the history's rows name people, and stay in the staff area.
        var lastImport = await db.ImportHistory.AsNoTracking().OrderByDescending(r => r.Id).Select(r => (DateTime?)r.ImportedAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        return Models.GetValue(snapshot, s => new HsdsModel(s, lastImport is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null));
    }

    private static ProblemHttpResult NotFound(string id)
    {
        var message = string.Format(ApiTexts.HsdsNotFound, id.Length > 60 ? id[..60] + "…" : id);
        return ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.HsdsNotFound, ApiTexts.HsdsNotFoundTitle, message, ["id"], message);
    }

    private static bool Matches(HsdsArea area, string? search) =>
        search is null
        || area.OrganizationName.Contains(search, StringComparison.CurrentCultureIgnoreCase)
        || area.Key == search
        || area.Managers.Any(m => m.DisplayName.Contains(search, StringComparison.CurrentCultureIgnoreCase)
            || (m.Organisation?.Contains(search, StringComparison.CurrentCultureIgnoreCase) ?? false)
            || (m.Town?.Contains(search, StringComparison.CurrentCultureIgnoreCase) ?? false));

    private sealed record Query(int Page, int PerPage, string? Search, DateTime? ModifiedAfter);

    private static Query? ReadQuery(HttpRequest request, bool allowModifiedAfter) =>
        Errors(request, allowModifiedAfter).Count > 0
            ? null
            : new Query(Integer(request, "page") ?? 1, Integer(request, "per_page") ?? 50, Text(request, "search"),
                allowModifiedAfter ? Moment(request.Query["modified_after"].ToString()) : null);

    private static Dictionary<string, string[]> Errors(HttpRequest request, bool allowModifiedAfter)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, max) in new[] { ("page", int.MaxValue), ("per_page", MaxPerPage) })
        {
            var text = request.Query[name].ToString();
            if (text.Length > 0 && (Integer(request, name) is not { } value || value < 1 || value > max))
            {
                errors[name] = [string.Format(ApiTexts.LimitInvalid, max, text)];
            }
        }

        if (Text(request, "search")?.Length > 100)
        {
            errors["search"] = [string.Format(ApiTexts.TextTooLong, 100, Text(request, "search")!.Length)];
        }

        var modified = request.Query["modified_after"].ToString();
        if (allowModifiedAfter && modified.Length > 0 && Moment(modified) is null)
        {
            errors["modified_after"] = [string.Format(ApiTexts.DateTimeInvalid, modified.Length > 40 ? modified[..40] + "…" : modified)];
        }

        return errors;
    }

    private static int? Integer(HttpRequest request, string name) =>
        int.TryParse(request.Query[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Text(HttpRequest request, string name) =>
        request.Query[name].ToString().Trim() is { Length: > 0 } text ? text : null;

    // "2026-03-01" or "2026-03-01T10:30:00Z" (RFC 3339); without an offset, UTC.
    private static DateTime? Moment(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
        && text.Length >= 10 && char.IsDigit(text[0])
            ? at
            : null;

    private static JsonObject Page(IReadOnlyList<HsdsArea> all, Query query, Func<HsdsArea, JsonObject> item)
    {
        var totalPages = Math.Max(1, (int)Math.Ceiling(all.Count / (double)query.PerPage));
        var contents = all.Skip((query.Page - 1) * query.PerPage).Take(query.PerPage).Select(item).ToList();
        return new JsonObject
        {
            ["total_items"] = all.Count,
            ["total_pages"] = totalPages,
            ["page_number"] = query.Page,
            ["size"] = contents.Count,
            ["first_page"] = query.Page == 1,
            ["last_page"] = query.Page >= totalPages,
            ["empty"] = contents.Count == 0,
            ["contents"] = new JsonArray([.. contents]),
        };
    }
}
