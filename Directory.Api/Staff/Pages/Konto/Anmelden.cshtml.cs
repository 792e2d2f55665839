using Directory.Api.Texts;
using Directory.Core.Staff;
using Directory.Core.Staff.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directory.Api.Staff.Pages.Konto;

/// <summary>
/// Sign-in with lock-out: after <see cref="StaffIdentity.MaxFailedAccessAttempts"/> wrong passwords in a row the
/// account is locked for <see cref="StaffIdentity.LockoutDuration"/>. The page tells nobody which accounts exist:
/// a wrong password, an unknown name, a locked account and an expired one-time password get the same answer after
/// the same work (one password hash, against a dummy hash when there is no account to check), and the log names
/// the client address, never the typed name. Attempts per client address are limited (<see cref="Security.RequestLimits"/>).
/// </summary>
public sealed class SignInModel(SignInManager<StaffUser> signIn, ILogger<SignInModel> logger) : PageModel
{
    // A hash of a random password, made once with the same hasher (and so the same work) as the accounts' hashes.
    private static string? dummyHash;

    /// <summary>
    /// A refused sign-in is answered no sooner than this after it arrived: the work differs a little between an unknown
    /// name (a hash) and a known one (the same hash, the lock-out counter written), and the floor hides that difference
    /// behind one duration. Awaited, not slept: the thread serves others meanwhile.
    /// </summary>
    public static readonly TimeSpan RefusalFloor = TimeSpan.FromMilliseconds(400);

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
            Error = StaffPageTexts.SignInMissing;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var client = HttpContext.Connection.RemoteIpAddress;
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(UserName.Trim());
        if (user is null || await users.IsLockedOutAsync(user) || StaffIdentity.OneTimePasswordExpired(user, DateTime.UtcNow))
        {
            // Nothing to check: the same hashing as a real attempt, so that the time taken tells nothing either.
            var dummy = new StaffUser();
            users.PasswordHasher.VerifyHashedPassword(dummy, dummyHash ??= users.PasswordHasher.HashPassword(dummy, StaffIdentity.GenerateOneTimePassword()), Password);
            logger.LogWarning("Failed staff sign-in from {Client} (unknown account, locked account or expired one-time password)", client);
            return await RefusedAsync(started);
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Staff account {User} signed in from {Client}", user.UserName, client);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith("/verwaltung", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/verwaltung");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("A staff account was locked out after repeated failed sign-ins, the last from {Client}", client);
        }
        else
        {
            logger.LogWarning("Failed staff sign-in from {Client}", client);
        }

        return await RefusedAsync(started);
    }

    private async Task<PageResult> RefusedAsync(long started)
    {
        var remaining = RefusalFloor - System.Diagnostics.Stopwatch.GetElapsedTime(started);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, HttpContext.RequestAborted);
        }

        Error = SignInRefused;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    /// <summary>The one answer to every refused sign-in.</summary>
    public static string SignInRefused => string.Format(StaffPageTexts.SignInRefused, StaffIdentity.MaxFailedAccessAttempts,
        StaffIdentity.LockoutDuration.TotalMinutes.ToString("0", System.Globalization.CultureInfo.InvariantCulture));
}
