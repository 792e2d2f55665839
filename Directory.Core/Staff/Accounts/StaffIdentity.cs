using System.Security.Cryptography;
using Directory.Core.Storage;
using Directory.Core.Texts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Core.Staff.Accounts;

/// <summary>
/// The rules for staff accounts, shared by the CLI that makes them and the service that signs them in: password
/// length, lock-out after repeated failures, German error texts, and the one-time password of a new account.
/// </summary>
public static class StaffIdentity
{
    /// <summary>Shortest password a staff member may choose.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    public const int MaxFailedAccessAttempts = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>How long a one-time password of <c>user add</c> or <c>user reset</c> is valid unless told otherwise.</summary>
    public const int DefaultOneTimePasswordHours = 72;

    /// <summary>The longest validity a one-time password may be given (30 days).</summary>
    public const int MaxOneTimePasswordHours = 720;

    /// <summary>
    /// True when the account still has its one-time password and that has expired: sign-in is refused until
    /// <c>user reset</c> issues a new one. An account made before expiry was recorded counts from when it was made.
    /// </summary>
    public static bool OneTimePasswordExpired(StaffUser user, DateTime nowUtc) =>
        user.MustChangePassword
        && (user.OneTimePasswordExpiresAtUtc ?? user.CreatedAtUtc.AddHours(DefaultOneTimePasswordHours)) <= nowUtc;

    // No look-alikes (0/O, 1/l/I): the password is read off a terminal and typed once.
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>Registers Identity's user manager over <see cref="DirectoryDbContext"/> with the rules above.</summary>
    public static IdentityBuilder AddStaffIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<StaffUser>(Configure)
            .AddEntityFrameworkStores<DirectoryDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<GermanIdentityErrorDescriber>();

    /// <summary>The password, lock-out and user-name rules.</summary>
    public static void Configure(IdentityOptions options)
    {
        // Length over composition rules (NIST SP 800-63B): 12 characters, no forced character classes.
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.User.RequireUniqueEmail = false;
    }

    /// <summary>A random password of 20 characters (about 117 bits) for a new account, to be replaced at first sign-in.</summary>
    public static string GenerateOneTimePassword() =>
        RandomNumberGenerator.GetString(PasswordAlphabet, 20);

    /// <summary>Identity's errors in German, for the CLI and the staff area.</summary>
    public static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => e.Description));

    private sealed class GermanIdentityErrorDescriber : IdentityErrorDescriber
    {
        public override IdentityError DuplicateUserName(string userName) =>
            new() { Code = nameof(DuplicateUserName), Description = string.Format(StaffTexts.DuplicateUserName, userName) };

        public override IdentityError InvalidUserName(string? userName) =>
            new() { Code = nameof(InvalidUserName), Description = string.Format(StaffTexts.InvalidUserName, userName) };

        public override IdentityError PasswordTooShort(int length) =>
            new() { Code = nameof(PasswordTooShort), Description = string.Format(StaffTexts.PasswordTooShort, length) };

        public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
            new() { Code = nameof(PasswordRequiresUniqueChars), Description = string.Format(StaffTexts.PasswordRequiresUniqueChars, uniqueChars) };

        public override IdentityError PasswordMismatch() =>
            new() { Code = nameof(PasswordMismatch), Description = StaffTexts.PasswordMismatch };

        public override IdentityError ConcurrencyFailure() =>
            new() { Code = nameof(ConcurrencyFailure), Description = StaffTexts.ConcurrencyFailure };

        public override IdentityError DefaultError() =>
            new() { Code = nameof(DefaultError), Description = StaffTexts.DefaultError };
    }
}
