namespace Directory.Core.Geography;

/// <summary>A complete, validated NRW geography, ready to be written. Geometries are in EPSG:25832.</summary>
public sealed record GeographyData(
    IReadOnlyList<Municipality> Municipalities,
    IReadOnlyList<District> Districts,
    IReadOnlyList<GovernmentRegion> GovernmentRegions,
    IReadOnlyList<Postcode> Postcodes,
    IReadOnlyList<PopulationCell> PopulationCells,
    int MunicipalitySourceSrid);
