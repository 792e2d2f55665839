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

    /// <summary>
    /// How long a session lasts at most from its sign-in, however active it stays (the sliding lifetime of 8 hours
    /// renews with each request; this one does not): a stolen cookie is worth half a day at most.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(12);
}
