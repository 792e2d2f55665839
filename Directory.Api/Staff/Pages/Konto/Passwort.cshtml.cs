using Directory.Api.Texts;
using Directory.Api.Security;
using Directory.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directory.Api.Staff.Pages.Konto;

/// <summary>
/// Replaces the one-time password (or any password) with the holder's own; only then is the area open. A wrong
/// current password counts toward the lock-out; a change ends the account's other sessions.
/// </summary>
public sealed class ChangePasswordModel(SignInManager<StaffUser> signIn, ILogger<ChangePasswordModel> logger) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? RepeatPassword { get; set; }

    public bool MustChange { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var users = signIn.UserManager;
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
        if (string.IsNullOrEmpty(CurrentPassword) || string.IsNullOrEmpty(NewPassword))
        {
            Errors.Add(StaffPageTexts.PasswordBothNeeded);
        }
        else if (NewPassword != RepeatPassword)
        {
            Errors.Add(StaffPageTexts.PasswordsDiffer);
        }
        else if (NewPassword == CurrentPassword)
        {
            Errors.Add(StaffPageTexts.PasswordUnchanged);
        }

        if (Errors.Count == 0 && !await users.CheckPasswordAsync(user, CurrentPassword!))
        {
            // A wrong current password counts toward the lock-out as a wrong sign-in does: a session left open must
            // not be a way to guess the password without limit.
            await users.AccessFailedAsync(user);
            logger.LogWarning("Wrong current password on the password page from {Client}", HttpContext.Connection.RemoteIpAddress);
            if (await users.IsLockedOutAsync(user))
            {
                await users.UpdateSecurityStampAsync(user);
                await signIn.SignOutAsync();
                logger.LogWarning("A staff account was locked out after repeated wrong passwords on the password page, the last from {Client}",
                    HttpContext.Connection.RemoteIpAddress);
                return LocalRedirect(StaffPaths.SignIn);
            }

            Errors.Add(users.ErrorDescriber.PasswordMismatch().Description);
        }

        if (Errors.Count == 0)
        {
            var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
            if (result.Succeeded)
            {
                user.MustChangePassword = false;
                user.OneTimePasswordExpiresAtUtc = null;
                await users.ResetAccessFailedCountAsync(user);
                await users.UpdateAsync(user);
                // A new cookie with the claim that opens the area; the changed security stamp ends other sessions at
                // their next request.
                await signIn.RefreshSignInAsync(user);
                logger.LogInformation("Staff account {User} set a new password", user.UserName);
                return LocalRedirect("/verwaltung");
            }

            Errors.AddRange(result.Errors.Select(e => e.Description));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
