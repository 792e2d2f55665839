using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Directory.Core.Csv;
using Directory.Core.Geo;
using Directory.Core.Texts;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Directory.Core.Geography;

/// <summary>
/// Turns the geography files into entities, checking each feature on its own: required properties and their
/// types, key formats, geometry type, coordinates inside NRW (which catches a wrong or missing CRS) and geometric
/// validity. Geometries are reprojected to EPSG:25832. Cross-layer checks are <see cref="GeographyConsistency"/>'s.
/// </summary>
internal static partial class GeographyReader
{
    [GeneratedRegex("^05[0-9]{6}$")]
    private static partial Regex MunicipalityKeyPattern();

    [GeneratedRegex("^05[0-9]{3}$")]
    private static partial Regex DistrictKeyPattern();

    [GeneratedRegex("^05[0-9]$")]
    private static partial Regex GovernmentRegionKeyPattern();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex PostcodePattern();

    private static readonly GeometryFactory Etrs89Factory = NtsGeometryServices.Instance.CreateGeometryFactory(Crs.Etrs89Utm32N);

    public static List<Municipality> ReadMunicipalities(GeoJsonLayer layer, List<ImportProblem> problems)
    {
        var result = new List<Municipality>();
        foreach (var feature in layer.Features)
        {
            var properties = new FeaturePropertyReader(layer.FileName, feature, problems);
            var ags = Key(properties, "ags", MunicipalityKeyPattern(), 8);
            var name = properties.String("name");
            var officialName = properties.String("name_official");
            var type = properties.String("type");
            var districtKey = Key(properties, "kreis_ags", DistrictKeyPattern(), 5);
            var regionKey = Key(properties, "regbez_ags", GovernmentRegionKeyPattern(), 3);
            var population = properties.Int("population");
            var populationDate = properties.Date("population_date");
            var area = properties.Double("area_km2");
            var boundary = Boundary(properties, layer.Srid, feature.Geometry);

            if (ags is not null && districtKey is not null && !RegionKey.IsWithin(ags, districtKey))
            {
                properties.Report("kreis_ags", string.Format(ImportTexts.KeyNotPrefixOf, districtKey, ags, RegionKey.DistrictOf(ags)));
                districtKey = null;
            }

            if (ags is not null && regionKey is not null && !RegionKey.IsWithin(ags, regionKey))
            {
                properties.Report("regbez_ags", string.Format(ImportTexts.KeyNotPrefixOf, regionKey, ags, RegionKey.GovernmentRegionOf(ags)));
                regionKey = null;
            }

            if (ags is null || name is null || officialName is null || type is null || districtKey is null
                || regionKey is null || population is null || populationDate is null || area is null || boundary is null)
            {
                continue;
            }

            var interior = Geo.LabelPoint.Of(boundary);
            result.Add(new Municipality
            {
                Ags = ags,
                Name = name,
                OfficialName = officialName,
                Type = type,
                DistrictKey = districtKey,
                GovernmentRegionKey = regionKey,
                Population = population.Value,
                PopulationDate = populationDate.Value,
                AreaKm2 = area.Value,
                InteriorEasting = interior.X,
                InteriorNorthing = interior.Y,
                Boundary = boundary,
            });
        }

        return result;
    }

    public static List<District> ReadDistricts(GeoJsonLayer layer, List<ImportProblem> problems)
    {
        var result = new List<District>();
        foreach (var feature in layer.Features)
        {
            var properties = new FeaturePropertyReader(layer.FileName, feature, problems);
            var key = Key(properties, "kreis_ags", DistrictKeyPattern(), 5);
            var name = properties.String("kreis_name");
            var officialName = properties.String("name_official");
            var type = properties.String("type");
            var seat = properties.String("seat");
            var regionKey = Key(properties, "regbez_ags", GovernmentRegionKeyPattern(), 3);
            var population = properties.Int("population");
            var area = properties.Double("area_km2");
            var count = properties.Int("municipality_count");
            var boundary = Boundary(properties, layer.Srid, feature.Geometry);

            if (key is not null && regionKey is not null && !RegionKey.IsWithin(key, regionKey))
            {
                properties.Report("regbez_ags", string.Format(ImportTexts.KeyNotPrefixOf, regionKey, key, RegionKey.GovernmentRegionOf(key)));
                regionKey = null;
            }

            if (key is null || name is null || officialName is null || type is null || seat is null || regionKey is null
                || population is null || area is null || count is null || boundary is null)
            {
                continue;
            }

            result.Add(new District
            {
                Key = key,
                Name = name,
                OfficialName = officialName,
                Type = type,
                Seat = seat,
                GovernmentRegionKey = regionKey,
                Population = population.Value,
                AreaKm2 = area.Value,
                MunicipalityCount = count.Value,
                Boundary = boundary,
            });
        }

        return result;
    }

    public static List<GovernmentRegion> ReadGovernmentRegions(GeoJsonLayer layer, List<ImportProblem> problems)
    {
        var result = new List<GovernmentRegion>();
        foreach (var feature in layer.Features)
        {
            var properties = new FeaturePropertyReader(layer.FileName, feature, problems);
            var key = Key(properties, "regbez_ags", GovernmentRegionKeyPattern(), 3);
            var name = properties.String("regbez_name");
            var officialName = properties.String("name_official");
            var seat = properties.String("seat");
            var population = properties.Int("population");
            var area = properties.Double("area_km2");
            var count = properties.Int("municipality_count");
            var boundary = Boundary(properties, layer.Srid, feature.Geometry);

            if (key is null || name is null || officialName is null || seat is null || population is null
                || area is null || count is null || boundary is null)
            {
                continue;
            }

            result.Add(new GovernmentRegion
            {
                Key = key,
                Name = name,
                OfficialName = officialName,
                Seat = seat,
                Population = population.Value,
                AreaKm2 = area.Value,
                MunicipalityCount = count.Value,
                Boundary = boundary,
            });
        }

        return result;
    }

    /// <summary>Reads the postcode CSV (comma-separated, UTF-8, header row; coordinates in WGS84).</summary>
    public static List<Postcode> ReadPostcodes(string path, List<ImportProblem> problems)
    {
        var fileName = Path.GetFileName(path);
        var table = ReadCsv(path, ["plz", "ags", "place", "lon", "lat"], problems);
        if (table is null)
        {
            return [];
        }

        var (records, columns) = table.Value;
        var result = new List<Postcode>();
        foreach (var record in records.Skip(1))
        {
            var row = string.Format(ImportTexts.RowLabel, record.LineNumber);
            string Field(string column) => columns[column] < record.Fields.Count ? record.Fields[columns[column]].Trim() : "";
            void Report(string column, string message) => problems.Add(new ImportProblem(fileName, row, column, message));

            var code = Field("plz");
            var ags = Field("ags");
            var place = Field("place");
            var ok = true;
            if (!PostcodePattern().IsMatch(code))
            {
                Report("plz", string.Format(ImportTexts.PostcodeInvalid, code));
                ok = false;
            }

            if (!MunicipalityKeyPattern().IsMatch(ags))
            {
                Report("ags", string.Format(ImportTexts.KeyInvalid, ags, 8));
                ok = false;
            }

            if (place.Length == 0)
            {
                Report("place", ImportTexts.PropertyMissing);
                ok = false;
            }

            var point = Point(Field("lon"), Field("lat"), Report);
            if (ok && point is not null)
            {
                result.Add(new Postcode { Code = code, Ags = ags, Place = place, Location = point });
            }
        }

        return result;
    }

    /// <summary>Reads the population grid CSV (cell_id, lon, lat in WGS84, population, age_under_15, ags).</summary>
    public static List<PopulationCell> ReadPopulationGrid(string path, List<ImportProblem> problems)
    {
        var fileName = Path.GetFileName(path);
        var table = ReadCsv(path, ["cell_id", "lon", "lat", "population", "age_under_15", "ags"], problems);
        if (table is null)
        {
            return [];
        }

        var (records, columns) = table.Value;
        var result = new List<PopulationCell>(records.Count);
        foreach (var record in records.Skip(1))
        {
            var row = string.Format(ImportTexts.RowLabel, record.LineNumber);
            string Field(string column) => columns[column] < record.Fields.Count ? record.Fields[columns[column]].Trim() : "";
            void Report(string column, string message) => problems.Add(new ImportProblem(fileName, row, column, message));

            var ok = true;
            var cellId = Field("cell_id");
            if (cellId.Length == 0)
            {
                Report("cell_id", ImportTexts.PropertyMissing);
                ok = false;
            }

            var ags = Field("ags");
            if (!MunicipalityKeyPattern().IsMatch(ags))
            {
                Report("ags", string.Format(ImportTexts.KeyInvalid, ags, 8));
                ok = false;
            }

            if (!int.TryParse(Field("population"), NumberStyles.None, CultureInfo.InvariantCulture, out var population))
            {
                Report("population", string.Format(ImportTexts.PropertyWrongType, ImportTexts.TypeWholeNumber, Field("population")));
                ok = false;
            }

            if (!int.TryParse(Field("age_under_15"), NumberStyles.None, CultureInfo.InvariantCulture, out var children))
            {
                Report("age_under_15", string.Format(ImportTexts.PropertyWrongType, ImportTexts.TypeWholeNumber, Field("age_under_15")));
                ok = false;
            }

            var point = Point(Field("lon"), Field("lat"), Report);
            if (ok && point is not null)
            {
                result.Add(new PopulationCell { CellId = cellId, Ags = ags, Population = population, Children = children, Location = point });
            }
        }

        return result;
    }

    private static NetTopologySuite.Geometries.Point? Point(string lonText, string latText, Action<string, string> report)
    {
        var lonOk = double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon);
        var latOk = double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat);
        if (!lonOk)
        {
            report("lon", string.Format(ImportTexts.PropertyWrongType, ImportTexts.TypeNumber, lonText));
        }

        if (!latOk)
        {
            report("lat", string.Format(ImportTexts.PropertyWrongType, ImportTexts.TypeNumber, latText));
        }

        if (!lonOk || !latOk)
        {
            return null;
        }

        if (!NrwExtent.Wgs84.Contains(lon, lat))
        {
            report("lon/lat", string.Format(ImportTexts.PointOutsideNrw, lon.ToString(CultureInfo.InvariantCulture), lat.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        var (x, y) = Reprojector.Transform(lon, lat, Crs.Wgs84, Crs.Etrs89Utm32N);
        return Etrs89Factory.CreatePoint(new Coordinate(x, y));
    }

    /// <summary>Reads a comma-separated UTF-8 file with a header row that must name <paramref name="required"/>.</summary>
    private static (List<CsvRecord> Records, Dictionary<string, int> Columns)? ReadCsv(string path, string[] required, List<ImportProblem> problems)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            problems.Add(new ImportProblem(fileName, null, null, string.Format(ImportTexts.FileMissing, path)));
            return null;
        }

        List<CsvRecord> records;
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false, true));
            records = CsvParser.Parse(reader, ',').ToList();
        }
        catch (CsvFormatException ex) when (ex.Error == CsvFormatError.UnclosedQuote)
        {
            problems.Add(new ImportProblem(fileName, string.Format(ImportTexts.RowLabel, ex.LineNumber), null,
                string.Format(ImportTexts.CsvQuoteNotClosed, ex.LineNumber)));
            return null;
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new ImportProblem(fileName, null, null, ImportTexts.CsvNotUtf8));
            return null;
        }

        if (records.Count == 0)
        {
            problems.Add(new ImportProblem(fileName, null, null, ImportTexts.CsvEmpty));
            return null;
        }

        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        var columns = new Dictionary<string, int>();
        foreach (var column in required)
        {
            var index = header.IndexOf(column);
            if (index < 0)
            {
                problems.Add(new ImportProblem(fileName, string.Format(ImportTexts.RowLabel, 1), column, ImportTexts.ColumnMissing));
            }

            columns[column] = index;
        }

        return columns.Values.Any(i => i < 0) ? null : (records, columns);
    }

    private static string? Key(FeaturePropertyReader properties, string name, Regex pattern, int digits)
    {
        var value = properties.String(name);
        if (value is not null && !pattern.IsMatch(value))
        {
            properties.Report(name, string.Format(ImportTexts.KeyInvalid, value, digits));
            return null;
        }

        return value;
    }

    /// <summary>Checks a feature's geometry and returns it as a MultiPolygon in EPSG:25832, or null after reporting why not.</summary>
    private static MultiPolygon? Boundary(FeaturePropertyReader properties, int srid, Geometry? geometry)
    {
        if (geometry is null)
        {
            return null; // already reported by the GeoJSON reader
        }

        MultiPolygon multiPolygon;
        switch (geometry)
        {
            case MultiPolygon mp:
                multiPolygon = mp;
                break;
            case Polygon p:
                multiPolygon = geometry.Factory.CreateMultiPolygon([p]);
                break;
            default:
                properties.Report("geometry", string.Format(ImportTexts.GeometryWrongType, geometry.GeometryType));
                return null;
        }

        if (multiPolygon.IsEmpty)
        {
            properties.Report("geometry", ImportTexts.GeometryMissing);
            return null;
        }

        var extent = NrwExtent.For(srid)!;
        if (!extent.Contains(multiPolygon.EnvelopeInternal))
        {
            var outside = multiPolygon.Coordinates.First(c => !extent.Contains(c));
            properties.Report("geometry", string.Format(ImportTexts.GeometryOutsideNrw,
                outside.X.ToString("0.######", CultureInfo.InvariantCulture),
                outside.Y.ToString("0.######", CultureInfo.InvariantCulture), srid));
            return null;
        }

        var validation = new IsValidOp(multiPolygon).ValidationError;
        if (validation is not null)
        {
            properties.Report("geometry", string.Format(ImportTexts.GeometryInvalid,
                ImportTexts.ResourceManager.GetString("Topology" + validation.ErrorType, CultureInfo.InvariantCulture)
                    ?? validation.Message,
                validation.Coordinate.X.ToString("0.######", CultureInfo.InvariantCulture),
                validation.Coordinate.Y.ToString("0.######", CultureInfo.InvariantCulture)));
            return null;
        }

        return Reprojector.Transform(multiPolygon, Crs.Etrs89Utm32N);
    }

}
