using Directory.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directory.Api.Staff.Pages.Konto;

/// <summary>
/// Signs out (POST only, with the antiforgery token: a link elsewhere cannot sign anybody out). The cookie is
/// removed and the account's security stamp renewed, so a copy of the old cookie is refused from the next request on
/// (the stamp is checked on every request, <see cref="StaffServices"/>); other sessions of the account end too.
/// </summary>
public sealed class SignOutModel(SignInManager<StaffUser> signIn, ILogger<SignOutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        logger.LogInformation("A staff session ended by sign-out from {Client}", HttpContext.Connection.RemoteIpAddress);
        return LocalRedirect("/verwaltung/anmelden");
    }
}
