namespace Directory.Core.Geography;

/// <summary>The three administrative levels of NRW, with the key length of each.</summary>
public enum RegionLevel
{
    /// <summary>Gemeinde (municipality), 8-digit AGS.</summary>
    Gemeinde,

    /// <summary>Kreis or kreisfreie Stadt, 5-digit key.</summary>
    Kreis,

    /// <summary>Regierungsbezirk, 3-digit key.</summary>
    Regierungsbezirk,
}
