using Directory.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directory.Api.Staff.Pages.Konto;

/// <summary>Signs out (POST only, with the antiforgery token: a link elsewhere cannot sign anybody out).</summary>
public sealed class SignOutModel(SignInManager<StaffUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/verwaltung/anmelden");
    }
}
