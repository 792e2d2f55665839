using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Directory.Api.Security;
using Directory.Api.Texts;
using Directory.Core.Staff;
using Directory.Core.Staff.Accounts;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Directory.Api.Staff;

/// <summary>
/// The staff area: ASP.NET Core Identity over the directory's database, a sign-in cookie, two policies and the
/// Razor Pages under <c>/verwaltung</c>. Without a valid session every staff address answers 401 (or 403 while the
/// one-time password is not yet replaced); nothing redirects into the area from outside.
/// </summary>
public static class StaffServices
{
    /// <summary>Signed in and the one-time password replaced: may do everything in the staff area.</summary>
    public const string StaffPolicy = "Staff";

    /// <summary>Signed in, possibly still with the one-time password: may only replace it.</summary>
    public const string SignedInPolicy = "StaffSignedIn";

    /// <summary>Claim present once the account has its own password.</summary>
    public const string PasswordCurrentClaim = "directory:password-current";

    /// <summary>The prefix of the cookies outside Development (RFC 6265bis: Secure, no Domain, Path "/").</summary>
    public const string SecureCookiePrefix = "__Host-";

    /// <summary>
    /// Outside Development the staff area answers plain HTTP requests with a short page that says HTTPS is needed
    /// (its cookies are Secure; antiforgery would otherwise fail with a 500). Behind a TLS proxy the scheme comes from
    /// X-Forwarded-Proto of a configured proxy (<see cref="ReverseProxy"/>).
    /// </summary>
    public static IApplicationBuilder UseStaffAreaOverHttpsOnly(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StaffServices));
        return app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps || !StaffPaths.IsStaff(context.Request.Path))
            {
                await next(context);
                return;
            }

            logger.LogWarning("A staff request over plain HTTP was refused; behind a TLS proxy list it in Security:KnownProxies");
            await StaffNotice.WriteAsync(context, StatusCodes.Status403Forbidden, ApiTexts.StaffHttpsRequiredTitle, ApiTexts.StaffHttpsRequiredDetail);
        });
    }

    // The session's property that holds its sign-in time (Unix seconds).
    private const string SignedInAtItem = "signed-in-at";

    /// <summary>Registers Identity, the cookie, the policies, antiforgery and the pages.</summary>
    public static IServiceCollection AddStaffArea(this IServiceCollection services)
    {
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddStaffIdentityCore()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, PublicArea>(PublicArea.SchemeName, null);
        services.AddAuthentication().AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "FamilienmanagerNrw.Verwaltung";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = StaffPaths.SignIn;
            // Sessions exist only in the staff area: elsewhere the cookie is not read, so a public answer never reads the
            // staff tables (the security stamp check) or renews the cookie, even for a signed-in staff member's browser.
            options.ForwardDefaultSelector = context => StaffPaths.IsStaff(context.Request.Path) ? null : PublicArea.SchemeName;
            options.Events.OnRedirectToLogin = context => StaffChallenge.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized);
            // The sign-in time is kept in the session's properties, which a sliding renewal, the security stamp's
            // check and a refresh after a password change all carry over unchanged; past the absolute lifetime the
            // session ends, before the security stamp is even looked at.
            options.Events.OnSigningIn = context =>
            {
                context.Properties.Items.TryAdd(SignedInAtItem, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            var checkSecurityStamp = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                var lifetime = context.HttpContext.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value.AbsoluteSessionLifetime;
                if (!context.Properties.Items.TryGetValue(SignedInAtItem, out var at)
                    || !long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    || DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds) > lifetime)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await checkSecurityStamp(context);
            };
            options.Events.OnRedirectToAccessDenied = context => StaffChallenge.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden);
        });
        // Outside Development (a deployment behind a TLS proxy) the cookies are Secure and __Host- prefixed: never
        // sent over plain HTTP, and bound to this host and path "/" so that no subdomain can set or shadow them.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment>((options, environment) => SecureOutsideDevelopment(options.Cookie, environment));

        // The security stamp is checked on every staff request (a few per minute, one indexed read each): a sign-out, a
        // changed password or a removed account ends the account's other sessions at once, not after the default half hour.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(PasswordCurrentClaim))
            .AddPolicy(SignedInPolicy, policy => policy.RequireAuthenticatedUser());

        // The keys that protect the cookie and the antiforgery tokens: in the database, so that sessions survive a
        // restart and every instance over the same database accepts them.
        services.AddDataProtection()
            .SetApplicationName("Familienmanager NRW")
            .PersistKeysToDbContext<DirectoryDbContext>();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "FamilienmanagerNrw.Antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // SecurityHeaders sets X-Frame-Options for every response already.
            options.SuppressXFrameOptionsHeader = true;
        });
        // After the settings above, which it prefixes (see the sign-in cookie).
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IHostEnvironment>((options, environment) => SecureOutsideDevelopment(options.Cookie, environment));

        // Razor encodes every non-ASCII character by default ("&#xFC;" for "ü"); German pages keep their letters,
        // markup characters are still encoded.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Staff/Pages";
            options.Conventions.AuthorizeFolder("/Verwaltung", StaffPolicy);
            options.Conventions.AuthorizePage("/Konto/Passwort", SignedInPolicy);
            options.Conventions.AuthorizePage("/Konto/Abmelden", SignedInPolicy);
            options.Conventions.AllowAnonymousToPage("/Konto/Anmelden");
            // The limit is the pages' own (metadata of their endpoints), so no spelling of their address escapes it.
            foreach (var page in (string[])["/Konto/Anmelden", "/Konto/Passwort"])
            {
                options.Conventions.AddPageApplicationModelConvention(page,
                    model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(RequestLimits.PasswordAttemptsPolicy)));
            }
        });
        services.AddScoped<ListUploads>();

        // AddDataProtection (called again by sign-in, antiforgery and Razor Pages) also registers a hosted service that
        // reads the key ring while the host starts: EF Core's first query, 0.25–0.45 s of a cold start on two cores
        // (docs/performance.md), for keys that only the staff area uses. Without it the first staff request reads
        // them; a new database gets its first key at start-up (DirectoryInitializer), so that request only reads.
        foreach (var keyRingAtStart in services.Where(d => d.ServiceType == typeof(IHostedService)
                     && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
        {
            services.Remove(keyRingAtStart);
        }

        return services;
    }

    /// <summary>Adds the claim that tells a replaced one-time password.</summary>
    private sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> users, IOptions<IdentityOptions> options)
        : UserClaimsPrincipalFactory<StaffUser>(users, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            if (!user.MustChangePassword)
            {
                identity.AddClaim(new Claim(PasswordCurrentClaim, "true"));
            }

            return identity;
        }
    }

    private static void SecureOutsideDevelopment(CookieBuilder cookie, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            cookie.Name = SecureCookiePrefix + cookie.Name;
            cookie.SecurePolicy = CookieSecurePolicy.Always;
        }
    }

    /// <summary>Outside the staff area nobody is signed in: the scheme the session cookie's handler forwards to there.</summary>
    private sealed class PublicArea(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "PublicArea";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
