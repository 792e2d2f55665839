namespace Directory.Core.Geography;

/// <summary>The five files a geography import reads.</summary>
/// <param name="Municipalities">GeoJSON of the 396 municipalities (EPSG:4326, or another CRS named in the file).</param>
/// <param name="Districts">GeoJSON of the 53 Kreise and kreisfreie Städte.</param>
/// <param name="GovernmentRegions">GeoJSON of the 5 Regierungsbezirke.</param>
/// <param name="Postcodes">CSV of postcode points with their AGS.</param>
/// <param name="PopulationGrid">CSV of the inhabited 1 km cells (Zensus 2022) with residents, residents under 15 and their AGS.</param>
public sealed record GeographySources(string Municipalities, string Districts, string GovernmentRegions, string Postcodes,
    string PopulationGrid)
{
    /// <summary>
    /// The file names the project's <c>data/</c> folder uses. The municipalities come from the official EPSG:25832
    /// file: stored as published, with no reprojection (the EPSG:4326 file is within 0.5 m of it, not within 0.01 m).
    /// </summary>
    public static GeographySources InDirectory(string directory) => new(
        Path.Combine(directory, "nrw-gemeinden-25832.geojson"),
        Path.Combine(directory, "nrw-kreise.geojson"),
        Path.Combine(directory, "nrw-regierungsbezirke.geojson"),
        Path.Combine(directory, "nrw-plz.csv"),
        Path.Combine(directory, "nrw-population-1km-zensus2022.csv"));
}
