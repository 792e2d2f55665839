using System.ComponentModel;
using Directory.Api.Problems;
using Directory.Api.Security;
using Directory.Api.Texts;
using Directory.Core.Managers;
using Directory.Core.Reports;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Directory.Api.Reports;

/// <summary>A citizen's report that a public entry is wrong ("Fehler melden"), as the page sends it.</summary>
/// <param name="Kind">What is wrong: contact, address, no-longer-in-office, other.</param>
/// <param name="Message">What is wrong, in the sender's words (at most 1,000 characters; required for "other").</param>
/// <param name="Email">An address for a reply (optional; only with <paramref name="EmailConsent"/>).</param>
/// <param name="EmailConsent">The sender agrees that the address is stored for a reply.</param>
/// <param name="Website">Left empty by people: the form hides it; a bot fills it (honeypot).</param>
public sealed record ReportRequest(
    [property: Description("What is wrong: contact, address, no-longer-in-office, other.")] string? Kind,
    [property: Description("What is wrong, in the sender's words; at most 1,000 characters, required for \"other\".")] string? Message,
    [property: Description("An address for a reply; only with emailConsent.")] string? Email,
    [property: Description("The sender agrees that the e-mail address is stored for a reply.")] bool EmailConsent = false,
    [property: Description("Must stay empty (a field people do not see).")] string? Website = null);

/// <summary>
/// <c>POST /api/managers/{id}/reports</c>: stores the report for staff (never shown publicly) and answers 202.
/// Abuse is held off by the rate limit per client (<see cref="ReportOptions.PerHour"/>, in RequestLimits), a JSON body
/// only, the request's own origin (a form on another site cannot send one: Origin and Sec-Fetch-Site, OWASP's
/// "verifying origin with standard headers" and "Fetch Metadata", which hold in an embedded frame where a cookie
/// token would not be sent), a honeypot field and the length limits.
/// </summary>
public static class ReportEndpoints
{
    /// <summary>The problem type of a report sent from another site.</summary>
    public const string CrossSiteType = "/problems/cross-site-request";

    /// <summary>Maps the endpoint and registers the options and the retention job.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ReportRetentionService>();
        // Reports of wrong entries per client address and hour: each is read by a person. The endpoint's own policy,
        // whatever the spelling of its address.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ReportOptions>>((options, reportOptions) =>
        {
            var perHour = reportOptions.Value.PerHour;
            options.AddPolicy(ReportsPolicy, context => RequestLimits.PerClient(context, perHour, TimeSpan.FromHours(1)));
        });
        return services;
    }

    /// <summary>The rate-limit policy of the report endpoint: reports per client and hour.</summary>
    public const string ReportsPolicy = "reports";

    /// <summary>Maps <c>POST /api/managers/{id}/reports</c>.</summary>
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/managers/{id}/reports", ReportAsync).WithTags("Familienmanager").WithName("ReportManager")
            .WithSummary("Reports that a public entry is wrong (for staff; never shown publicly). 202 when received.")
            .Accepts<ReportRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            // The limit belongs to the endpoint, so "/reports/" or another letter case meets it too.
            .RequireRateLimiting(ReportsPolicy);
        return app;
    }

    private static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> ReportAsync(
        [Description("The entry's id, as in the other answers.")] string id, ReportRequest report, HttpContext context,
        SnapshotProvider snapshots, DirectoryDbContext db, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!FromOwnOrigin(context.Request))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: CrossSiteType,
                title: ApiTexts.CrossSiteTitle, detail: ApiTexts.CrossSiteDetail);
        }

        if (!string.IsNullOrEmpty(report.Website))
        {
            // A bot: answered as a person would be, so that it learns nothing, and not stored.
            loggers.CreateLogger(typeof(ReportEndpoints)).LogInformation("A report filled the honeypot field and was dropped");
            return TypedResults.Accepted((string?)null);
        }

        var errors = new Dictionary<string, string[]>();
        if (!int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            errors["id"] = [string.Format(ApiTexts.IdInvalid, id)];
        }

        var kind = report.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !ReportKinds.All.Contains(kind))
        {
            errors["kind"] = [string.Format(ApiTexts.ReportKindInvalid, report.Kind, string.Join(", ", ReportKinds.All))];
        }

        var message = string.IsNullOrWhiteSpace(report.Message) ? null : report.Message;
        if (message?.Length > ManagerReports.MaxMessageLength)
        {
            errors["message"] = [string.Format(ApiTexts.TextTooLong, ManagerReports.MaxMessageLength, message.Length)];
        }
        else if (message is null && kind == ReportKinds.Other)
        {
            errors["message"] = [ApiTexts.ReportMessageMissing];
        }

        var email = string.IsNullOrWhiteSpace(report.Email) ? null : report.Email.Trim();
        if (email is not null)
        {
            if (email.Length > ManagerReports.MaxEmailLength || ContactValidation.Email(email, out _) is null)
            {
                errors["email"] = [string.Format(ApiTexts.ReportEmailInvalid, email.Length > 80 ? email[..80] + "…" : email)];
            }
            else if (!report.EmailConsent)
            {
                errors["emailConsent"] = [ApiTexts.ReportEmailConsentMissing];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.InvalidParameters(errors);
        }

        // Only the public view: a hidden entry answers exactly like a missing one.
        if (snapshots.Current.FindPublicManager(number) is not { } manager)
        {
            var notFound = string.Format(ApiTexts.ManagerNotFound, number);
            return ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.ManagerNotFound, ApiTexts.ManagerNotFoundTitle, notFound, ["id"], notFound);
        }

        await ManagerReports.AddAsync(db, manager.Id, $"{manager.DisplayName} ({manager.AreaKey})", kind!, message, email,
            DateTime.UtcNow, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    // A browser names the page's origin (Origin) and whether the request crosses sites (Sec-Fetch-Site); a request
    // without either comes from no browser and so from no other site's page.
    private static bool FromOwnOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || string.Equals(origin, new Uri(ReverseProxy.PublicBaseUrl(request)).GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
    }
}
