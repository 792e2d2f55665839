using Directory.Api.Security;
using Directory.Api.Texts;
using Microsoft.AspNetCore.Mvc;

namespace Directory.Api.Staff;

/// <summary>
/// What an unauthorised request to the staff area gets: 401 or 403, never a page of the area. Endpoints under
/// <c>/api/admin</c> answer with a problem document; pages with a short German page that leads to the sign-in
/// (or, with a one-time password, to the password page).
/// </summary>
public static class StaffChallenge
{
    /// <summary>Writes the answer for <paramref name="status"/> (401 or 403).</summary>
    public static async Task WriteAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        if (!context.Request.Path.StartsWithSegments(StaffPaths.Pages, StringComparison.OrdinalIgnoreCase))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = status,
                    Title = status == StatusCodes.Status401Unauthorized ? ApiTexts.Status401 : ApiTexts.Status403,
                    Detail = status == StatusCodes.Status401Unauthorized ? ApiTexts.Status401Detail : ApiTexts.Status403Detail,
                },
            });
            return;
        }

        var signedIn = context.User.Identity?.IsAuthenticated == true;
        var target = signedIn
            ? StaffPaths.ChangePassword
            : $"{StaffPaths.SignIn}?ReturnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}";
        var title = signedIn ? ApiTexts.Status403 : ApiTexts.Status401;
        var text = signedIn ? ApiTexts.Status403Detail : ApiTexts.Status401Detail;
        var link = signedIn ? ApiTexts.StaffChallengeChangePassword : ApiTexts.StaffChallengeSignIn;
        await StaffNotice.WriteAsync(context, status, title, text, (target, link), refreshToLink: true);
    }
}
