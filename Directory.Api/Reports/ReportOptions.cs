using System.ComponentModel.DataAnnotations;

namespace Directory.Api.Reports;

/// <summary>Limits of "Fehler melden" (configuration section <c>Reports</c>).</summary>
public sealed class ReportOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Reports";

    /// <summary>Reports one client address may send per hour (0: no limit); beyond it 429.</summary>
    [Range(0, 10_000)]
    public int PerHour { get; set; } = 5;

    /// <summary>Days a report marked done is kept before it is deleted with its e-mail address.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 180;
}
