using System.Globalization;
using Directory.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directory.Api.Staff.Pages.Konto;

/// <summary>
/// Sign-in with lock-out: after <see cref="StaffIdentity.MaxFailedAccessAttempts"/> wrong passwords in a row the
/// account is locked for <see cref="StaffIdentity.LockoutDuration"/>. A wrong name and a wrong password get the
/// same answer, so the page does not tell which accounts exist.
/// </summary>
public sealed class SignInModel(SignInManager<StaffUser> signIn, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "Bitte Kontoname und Passwort eingeben.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Staff account {User} signed in", UserName.Trim());
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith("/verwaltung", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/verwaltung");
        }

        if (result.IsLockedOut)
        {
            var user = await signIn.UserManager.FindByNameAsync(UserName.Trim());
            var until = user?.LockoutEnd?.ToLocalTime() ?? DateTimeOffset.Now + StaffIdentity.LockoutDuration;
            Error = string.Format(CultureInfo.GetCultureInfo("de-DE"),
                "Das Konto ist nach {0} Fehlversuchen bis {1:HH:mm} Uhr gesperrt. Bitte später erneut versuchen.",
                StaffIdentity.MaxFailedAccessAttempts, until);
            logger.LogWarning("A staff account is locked out after repeated failed sign-ins");
        }
        else
        {
            Error = "Kontoname oder Passwort stimmen nicht.";
            logger.LogInformation("Failed staff sign-in");
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
