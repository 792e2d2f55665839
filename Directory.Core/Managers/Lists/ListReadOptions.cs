namespace Directory.Core.Managers.Lists;

/// <summary>How to read a list.</summary>
/// <param name="Sheet">The spreadsheet's sheet; null for the first.</param>
/// <param name="ForcedSrid">Read all coordinates in this CRS instead of detecting it from their magnitudes.</param>
/// <param name="Limits">Bounds on the input.</param>
public sealed record ListReadOptions(string? Sheet = null, int? ForcedSrid = null, ListLimits? Limits = null)
{
    /// <summary>The limits in force.</summary>
    public ListLimits EffectiveLimits => Limits ?? new ListLimits();
}
