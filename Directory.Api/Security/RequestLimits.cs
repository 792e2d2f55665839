using System.Globalization;
using System.Threading.RateLimiting;
using Directory.Api.Texts;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Directory.Api.Security;

/// <summary>
/// Limits on what one client may ask: a token bucket per client address on the public API (429 with a German
/// problem document and Retry-After), a fixed number of password attempts per client address and minute on the
/// staff area's sign-in and password pages (429 with a short page), a fixed number of reports of wrong entries per
/// client address and hour, and a small request body everywhere except the list upload.
/// </summary>
public static class RequestLimits
{
    /// <summary>The stable problem type of a 429.</summary>
    public const string RateLimitedType = "/problems/rate-limited";

    /// <summary>The policy of the pages that take a password (sign-in, password change): POSTs per client and minute.</summary>
    public const string PasswordAttemptsPolicy = "password-attempts";



    /// <summary>Registers the rate limiter from <see cref="SecurityOptions"/>.</summary>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, ReverseProxy.Validation>();
        services.AllowOnlyThePublicHost();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((options, security) =>
        {
            var permits = security.Value.PermitsPerMinute;
            var burst = security.Value.Burst;
            var signIns = security.Value.SignInAttemptsPerMinute;
            var publicApi = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                permits == 0 || !StaffPaths.IsPublicApi(context.Request.Path)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetTokenBucketLimiter(ClientAddress.PartitionOf(context),
                        _ => new TokenBucketRateLimiterOptions
                        {
                            TokenLimit = burst,
                            TokensPerPeriod = Math.Max(1, permits / 6),
                            ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                            QueueLimit = 0,
                            AutoReplenishment = true,
                        }));
            // Password attempts (sign-in, password change) per client address: guessing one password against every
            // account, or locking every account, takes one request per try and so stalls here. A policy of the pages
            // themselves (StaffServices), not of a path: "/verwaltung/anmelden/" and "/Verwaltung//Anmelden" reach the
            // same page and so the same limit.
            options.AddPolicy(PasswordAttemptsPolicy, context =>
                PerClient(context, HttpMethods.IsPost(context.Request.Method) ? signIns : 0, TimeSpan.FromMinutes(1)));
            options.GlobalLimiter = publicApi;
        });
        // Reading a form (sign-in, edit, upload) never buffers more than the upload limit allows.
        services.AddOptions<FormOptions>().Configure<IOptions<SecurityOptions>>((form, security) =>
            form.MultipartBodyLengthLimit = UploadBodyLimit(security.Value));
        return services;
    }

    /// <summary>
    /// Caps every request body at <see cref="SecurityOptions.MaxRequestBodyKilobytes"/>, the upload at twice the
    /// allowed file size: a file somewhat too large reaches the page and gets its German explanation, a huge one is
    /// cut off by the server (413) before it is read.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app)
    {
        var security = app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var general = security.MaxRequestBodyKilobytes * 1024L;
        var upload = UploadBodyLimit(security);
        return app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = context.Request.Path.StartsWithSegments(StaffPaths.Upload, StringComparison.OrdinalIgnoreCase)
                    ? upload
                    : general;
            }

            return next(context);
        });
    }

    private static long UploadBodyLimit(SecurityOptions security) => 2 * security.MaxUploadBytes;

    /// <summary>
    /// A policy's partition: <paramref name="permits"/> requests per client address and <paramref name="window"/>
    /// (none for 0, which turns the limit off), for the limits that endpoints carry themselves.
    /// </summary>
    public static RateLimitPartition<string> PerClient(HttpContext context, int permits, TimeSpan window) =>
        permits == 0
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.PartitionOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true });

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 10;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (StaffPaths.IsStaff(context.Request.Path) && !context.Request.Path.StartsWithSegments(StaffPaths.Api, StringComparison.OrdinalIgnoreCase))
        {
            // A person at the sign-in form: a page, not a JSON document.
            await StaffNotice.WriteAsync(context, StatusCodes.Status429TooManyRequests, ApiTexts.RateLimitedTitle,
                string.Format(ApiTexts.RateLimitedSignInDetail, seconds), (StaffPaths.SignIn, ApiTexts.StaffChallengeSignIn),
                cancellationToken: cancellationToken);
            return;
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = RateLimitedType,
                Title = ApiTexts.RateLimitedTitle,
                Detail = string.Format(ApiTexts.RateLimitedDetail, seconds),
            },
        });
    }
}
