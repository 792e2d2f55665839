namespace Directory.Core.Geography;

/// <summary>
/// The official key hierarchy of NRW's regions, in one place: a Gemeinde's 8-digit AGS (<c>05966024</c>) begins with
/// its Kreis's 5 digits (<c>05966</c>), which begin with its Regierungsbezirk's 3 (<c>059</c>). A kreisfreie Stadt is
/// a Gemeinde and a Kreis at once (<c>05315000</c> in <c>05315</c>).
/// </summary>
public static class RegionKey
{
    /// <summary>The level a key of this length denotes, or null for anything but 8, 5 or 3 digits.</summary>
    public static RegionLevel? LevelOf(string key)
    {
        if (!key.All(char.IsAsciiDigit))
        {
            return null;
        }

        return key.Length switch
        {
            8 => RegionLevel.Gemeinde,
            5 => RegionLevel.Kreis,
            3 => RegionLevel.Regierungsbezirk,
            _ => null,
        };
    }

    /// <summary>True for a key of a level that lies in NRW (it begins with the state's <c>05</c>).</summary>
    public static bool IsNrwKey(string key) => LevelOf(key) is not null && key.StartsWith("05", StringComparison.Ordinal);

    /// <summary>True for a Gemeinde's 8-digit key.</summary>
    public static bool IsGemeinde(string key) => key.Length == 8;

    /// <summary>The Kreis of a Gemeinde or Kreis key (its first 5 digits).</summary>
    public static string DistrictOf(string key) => key[..5];

    /// <summary>The Regierungsbezirk of any key (its first 3 digits).</summary>
    public static string GovernmentRegionOf(string key) => key[..3];

    /// <summary>True when <paramref name="key"/> is <paramref name="region"/> or lies inside it.</summary>
    public static bool IsWithin(string key, string region) => key.StartsWith(region, StringComparison.Ordinal);
}
