using Microsoft.AspNetCore.Identity;

namespace Directory.Core.Staff;

/// <summary>
/// A staff account of the administration area, stored by ASP.NET Core Identity in the directory's own database
/// (tables <c>staff_*</c>). Accounts are made only with <c>Directory.Import user add</c>; there is no default one.
/// </summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>
    /// True until the holder replaces the one-time password that <c>user add</c> printed; until then the account
    /// may do nothing but set its own password.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// Until when the one-time password of <c>user add</c> or <c>user reset</c> may be used to sign in (UTC); null
    /// once the holder has an own password. A one-time password read off a terminal long ago is refused.
    /// </summary>
    public DateTime? OneTimePasswordExpiresAtUtc { get; set; }

    /// <summary>When the account was made (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
}
