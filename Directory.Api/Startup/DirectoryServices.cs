using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Directory.Api.Common;
using Directory.Api.MapConfig;
using Directory.Api.Search;
using Directory.Api.Texts;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NetTopologySuite.IO.Converters;

namespace Directory.Api.Startup;

/// <summary>The service registrations of the Api, kept out of Program.cs.</summary>
public static class DirectoryServices
{
    /// <summary>The connection string name the Api reads its database from.</summary>
    public const string ConnectionStringName = "Directory";

    /// <summary>Registers the database, the snapshot, options, JSON, problem details and compression.</summary>
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        // A GeoPackage path or SQLite connection string (the default), or a PostgreSQL one for the PostGIS server mode.
        services.AddDirectoryDbContext(provider =>
            provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName) ?? DirectoryDatabase.DefaultPath);

        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section);
        services.AddOptions<QueryLimits>().BindConfiguration(QueryLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ComputationOptions>().BindConfiguration(ComputationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ExpensiveComputations>();
        services.AddOptions<Ogc.Filters.Cql2Limits>().BindConfiguration(Ogc.Filters.Cql2Limits.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<SnapshotProvider>();
        services.AddSingleton<NearbyAnswerWriter>();
        services.AddSingleton(provider => new SnapshotLoader(
            provider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions,
            provider.GetRequiredService<SnapshotProvider>(), provider.GetRequiredService<IServiceScopeFactory>(),
            provider.GetRequiredService<IHostApplicationLifetime>(), provider.GetRequiredService<ILogger<SnapshotLoader>>(),
            provider.GetRequiredService<IOptions<DirectoryOptions>>().Value.CacheMegabytes * (1L << 20)));
        services.AddSingleton<DirectoryInitializer>();
        services.AddHostedService<SnapshotRefresher>();

        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.Converters.Add(new GeoJsonConverterFactory());
            // The search answers' metadata generated at build time, not built by reflection at the first request.
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, SearchJsonContext.Default);
        });

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Problems the framework makes (unknown route, wrong method, unhandled exception) get our texts too.
            var details = context.ProblemDetails;
            // Title and detail follow Accept-Language (RequestLocalization): caches keep one copy per language.
            context.HttpContext.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
            if (details.Type is null || details.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                (details.Title, details.Detail) = details.Status switch
                {
                    StatusCodes.Status400BadRequest => (ApiTexts.Status400, details.Detail),
                    StatusCodes.Status401Unauthorized => (ApiTexts.Status401, ApiTexts.Status401Detail),
                    StatusCodes.Status403Forbidden => (ApiTexts.Status403, ApiTexts.Status403Detail),
                    StatusCodes.Status413PayloadTooLarge => (ApiTexts.Status413, ApiTexts.Status413Detail),
                    StatusCodes.Status415UnsupportedMediaType => (ApiTexts.Status415, ApiTexts.Status415Detail),
                    StatusCodes.Status404NotFound => (ApiTexts.Status404, ApiTexts.Status404Detail),
                    StatusCodes.Status405MethodNotAllowed => (ApiTexts.Status405, ApiTexts.Status405Detail),
                    StatusCodes.Status500InternalServerError => (ApiTexts.Status500, ApiTexts.Status500Detail),
                    _ => (details.Title ?? ApiTexts.StatusOther, details.Detail),
                };
            }
        });

        // The OGC API's HTML pages are Razor components (Ogc/Pages), rendered by RazorComponentResult.
        services.AddRazorComponents();

        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "application/problem+json"]);
        });
        // The default level is Fastest; Optimal shrinks the map boundaries by another fifth (docs/performance.md).
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }
}
