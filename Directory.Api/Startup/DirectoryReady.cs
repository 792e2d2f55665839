using Directory.Api.Texts;
using Microsoft.AspNetCore.Mvc;

namespace Directory.Api.Startup;

/// <summary>Holds requests until the directory is loaded; answers 503 if it could not be.</summary>
public static class DirectoryReady
{
    /// <summary>Adds the wait in front of everything that reads the directory.</summary>
    public static IApplicationBuilder UseDirectoryReady(this IApplicationBuilder app, DirectoryInitializer initializer) =>
        app.Use(async (context, next) =>
        {
            var ready = initializer.Ready;
            if (!ready.IsCompletedSuccessfully)
            {
                try
                {
                    await ready.WaitAsync(context.RequestAborted);
                }
                catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = new ProblemDetails
                        {
                            Status = StatusCodes.Status503ServiceUnavailable,
                            Title = ApiTexts.Status503,
                            Detail = ApiTexts.Status503Detail,
                        },
                    });
                    return;
                }
            }

            await next(context);
        });
}
