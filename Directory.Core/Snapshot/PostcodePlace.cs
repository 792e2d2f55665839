using NetTopologySuite.Geometries;

namespace Directory.Core.Snapshot;

/// <summary>One place of a postcode, with the municipality it lies in and its point (EPSG:25832).</summary>
public sealed record PostcodePlace(string Code, string Place, string Ags, Point Location);
