using System.ComponentModel.DataAnnotations;

namespace Directory.Api.Staff;

/// <summary>What the staff area's overview flags (configuration section <c>Staff</c>).</summary>
public sealed class StaffOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Staff";

    /// <summary>An entry not checked for longer than this many months is listed as due for a check.</summary>
    [Range(1, 120)]
    public int StaleAfterMonths { get; set; } = 12;
}
