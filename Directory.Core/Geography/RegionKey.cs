namespace Directory.Core.Geography;

/// <summary>
/// The official key hierarchy of NRW's regions, in one place: a Gemeinde's 8-digit AGS (<c>05966024</c>) begins with
/// its Kreis's 5 digits (<c>05966</c>), which begin with its Regierungsbezirk's 3 (<c>059</c>). A kreisfreie Stadt is
/// a Gemeinde and a Kreis at once (<c>05315000</c> in <c>05315</c>).
/// </summary>
public static class RegionKey
{
    /// <summary>The key of the Land, NRW: <c>05</c>, the first two digits of every key in it.</summary>
    public const string Land = "05";

    /// <summary>
    /// The Gemeinde or Kreis key a typed or pasted text of digits stands for, or null: a 12-digit regional key (ARS,
    /// <c>059660024024</c>) becomes its AGS (the Kreis's 5 digits and the Gemeinde's last 3), and a key whose leading
    /// zero a spreadsheet dropped (<c>5315000</c>) gets it back. Whether the region exists is the geography's to say.
    /// </summary>
    public static string? FromDigits(string digits)
    {
        if (digits.Length == 12)
        {
            digits = digits[..5] + digits[9..];
        }

        if (digits.Length is 7 or 4 && digits.StartsWith('5'))
        {
            digits = "0" + digits;
        }

        return digits.Length is 8 or 5 ? digits : null;
    }

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
    public static bool IsNrwKey(string key) => LevelOf(key) is not null && key.StartsWith(Land, StringComparison.Ordinal);

    /// <summary>True for a Gemeinde's 8-digit key.</summary>
    public static bool IsGemeinde(string key) => key.Length == 8;

    /// <summary>The Kreis of a Gemeinde or Kreis key (its first 5 digits).</summary>
    public static string DistrictOf(string key) => key[..5];

    /// <summary>The Regierungsbezirk of any key (its first 3 digits).</summary>
    public static string GovernmentRegionOf(string key) => key[..3];

    /// <summary>True when <paramref name="key"/> is <paramref name="region"/> or lies inside it.</summary>
    public static bool IsWithin(string key, string region) => key.StartsWith(region, StringComparison.Ordinal);
}
