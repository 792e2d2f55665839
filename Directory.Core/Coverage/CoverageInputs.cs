using NetTopologySuite.Geometries;

namespace Directory.Core.Coverage;

/// <summary>A municipality as coverage sees it: its keys, its GV100 population and a point inside it (EPSG:25832).</summary>
public sealed record CoverageMunicipality(string Ags, string Name, string DistrictKey, string GovernmentRegionKey,
    long Population, Coordinate LabelPoint);

/// <summary>A population cell: its municipality, its centre (EPSG:25832) and its Zensus 2011 residents.</summary>
public sealed record CoverageCell(string Ags, double X, double Y, int Population);

/// <summary>An active family manager, published or not: the area worked for and the location (EPSG:25832).</summary>
public sealed record CoverageManager(string AreaKey, double X, double Y);
