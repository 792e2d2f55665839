namespace Directory.Core.Geography;

/// <summary>The four files a geography import reads.</summary>
/// <param name="Municipalities">GeoJSON of the 396 municipalities (EPSG:4326, or another CRS named in the file).</param>
/// <param name="Districts">GeoJSON of the 53 Kreise and kreisfreie Städte.</param>
/// <param name="GovernmentRegions">GeoJSON of the 5 Regierungsbezirke.</param>
/// <param name="Postcodes">CSV of postcode points with their AGS.</param>
public sealed record GeographySources(string Municipalities, string Districts, string GovernmentRegions, string Postcodes)
{
    /// <summary>The file names the project's <c>data/</c> folder uses.</summary>
    public static GeographySources InDirectory(string directory) => new(
        Path.Combine(directory, "nrw-gemeinden.geojson"),
        Path.Combine(directory, "nrw-kreise.geojson"),
        Path.Combine(directory, "nrw-regierungsbezirke.geojson"),
        Path.Combine(directory, "nrw-plz.csv"));
}
