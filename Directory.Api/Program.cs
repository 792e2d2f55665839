using System.Globalization;
using Directory.Api.Changes;
using Directory.Api.Coverage;
using Directory.Api.Health;
using Directory.Api.Hsds;
using Directory.Api.Locate;
using Directory.Api.Managers;
using Directory.Api.MapConfig;
using Directory.Api.Ogc;
using Directory.Api.Planning;
using Directory.Api.PublicPages;
using Directory.Api.Regions;
using Directory.Api.Reports;
using Directory.Api.Search;
using Directory.Api.Security;
using Directory.Api.Staff;
using Directory.Api.Startup;
using Directory.Core.Snapshot;
using Microsoft.AspNetCore.Localization;

// Before anything allocates: large native blocks (SQLite's copies of the stored list) go back to the system when freed.
NativeHeap.KeepLargeBlocksSeparate();

// The configuration (appsettings.json) sits next to the binaries; started from another folder (a service manager, a
// benchmark script) the default content root, the working directory, would miss it and log everything at Information.
var contentRoot = File.Exists(Path.Combine(System.IO.Directory.GetCurrentDirectory(), "appsettings.json"))
    || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null
        ? null
        : AppContext.BaseDirectory;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });

// Directory.Web's files are static web assets of a referenced project; serve them in every environment, not only
// in Development, so that `dotnet run` shows the page whatever ASPNETCORE_ENVIRONMENT says.
builder.WebHost.UseStaticWebAssets();
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
    && string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"]))
{
    // Loopback only unless told otherwise (--urls): a directory with unpublished entries is not for the LAN by default.
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.Services.AddDirectory();
builder.Services.AddRequestLimits();
// Browsers keep to HTTPS for a year (the default, 30 days, is below what HSTS preload lists and audits ask for: 180).
builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
builder.Services.AddStaffArea();
builder.Services.AddPublicPages();
builder.Services.AddReports();
builder.Services.AddOpenApi(options =>
{
    // The project's own API; the OGC endpoints have their own document below.
    options.ShouldInclude = description => description.RelativePath?.StartsWith("ogc", StringComparison.Ordinal) != true;
    options.AddOperationTransformer(OpenApiParameterFacts.ApplyAsync);
    options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info.Title = "Familienmanager NRW";
        document.Info.Description = "Public API of the directory of certified family managers in North Rhine-Westphalia. "
            + "Errors are RFC 9457 problem documents with German texts and a stable type; 'errors' names the parameter.";
        return Task.CompletedTask;
    });
});
// The OGC API's service-desc: OpenAPI 3.0, as OGC API - Features Part 1 expects, of the /ogc endpoints only.
builder.Services.AddOpenApi(OgcEndpoints.OpenApiDocumentName, options =>
{
    options.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0;
    options.ShouldInclude = description => description.RelativePath?.StartsWith("ogc", StringComparison.Ordinal) == true;
    options.AddOperationTransformer(OpenApiParameterFacts.ApplyAsync);
    options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info.Title = "Familienmanager NRW – OGC API Features";
        OgcServiceDescription.RootAtOgc(document);
        return Task.CompletedTask;
    });
});

var app = builder.Build();

// The database is prepared and the first snapshot loaded in the background while the web server maps its endpoints
// and starts; requests wait for it (UseDirectoryReady). A database that cannot be used stops the service with a clear
// log line and exit code 78.
var initializer = app.Services.GetRequiredService<DirectoryInitializer>();
initializer.Start(app.Lifetime);

// First, so that the client address and scheme are the forwarded ones (from configured proxies only) for everything after.
app.UseTrustedForwardedHeaders();
// The API's problem texts (title, detail) in the language Accept-Language asks for: German, or English. Outermost
// but for the forwarded headers, so that the error answers of the exception handler and status code pages are
// written in the same language. Only the texts change: numbers and dates keep the service's own culture.
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(CultureInfo.CurrentCulture, new CultureInfo("de")),
    SupportedCultures = [CultureInfo.CurrentCulture],
    SupportedUICultures = [new CultureInfo("de"), new CultureInfo("en")],
    RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()],
});
// Outside the exception handler, so that its error answers carry the headers too.
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    // Browsers remember to use HTTPS only (HSTS is sent on HTTPS requests, never to localhost).
    app.UseHsts();
    // The staff area's cookies are Secure outside Development (StaffServices): over plain HTTP it cannot work.
    app.UseStaffAreaOverHttpsOnly();
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimits();
app.UseResponseCompression();
// The page's files are looked up on disk, a file-system call per request; the Api's and OGC's paths never name one.
// The pages themselves are templates, filled in the reader's language (PublicPages), never served as they lie.
app.UseWhen(context => !IsServicePath(context.Request.Path) && PublicPages.Find(context.Request.Path) is null
    && context.Request.Path.Value?.EndsWith(".html", StringComparison.OrdinalIgnoreCase) != true, files => files.UseStaticFiles());
static bool IsServicePath(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/ogc") || path.StartsWithSegments("/hsds");
app.UsePublicPages();
app.UseRouting();
// Behind static files and routing, so that the page's files are served at once and a request arriving while the
// directory loads is routed in the meantime; before sign-in, which reads the database.
app.UseDirectoryReady(initializer);
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapHealth();
app.MapRegions();
app.MapLocate();
app.MapMapConfig();
app.MapSearch();
app.MapManagers();
app.MapReports();
app.MapHsds();
app.MapChangeFeed();
app.MapCoverage();
app.MapPlanning();
app.MapOgc();
app.MapAdmin();
app.MapRazorPages();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        app.Logger.LogInformation("Familienmanager NRW: open {Url} in a browser", url);
    }
});

try
{
    await app.RunAsync();
}
catch (OperationCanceledException) when (initializer.Ready.IsFaulted)
{
    // The database was found unusable before the web server had started: the start is cancelled, the reason is
    // logged, and the exit code says so.
}

return Environment.ExitCode;
