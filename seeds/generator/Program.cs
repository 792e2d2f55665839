using System.Globalization;
using System.Text;
using Directory.Core.Geography;
using Directory.Core.Geography.Import;
using Directory.Core.Managers.Lists;
using Directory.Seeds.Generator;

// Usage: dotnet run --project seeds/generator -- [--out FILE] [--count N] [--seed N] [--data DIR]
//        dotnet run --project seeds/generator -- --roads FILE.osm.pbf [--side N] [--uniform]
//          (a generated NRW-sized road network: with a road hierarchy, or with --uniform a grid of streets)
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--")).ToDictionary(p => p.a, p => args.ElementAtOrDefault(p.i + 1));
if (options.GetValueOrDefault("--roads") is { } roads)
{
    var side = int.Parse(options.GetValueOrDefault("--side") ?? "2236", CultureInfo.InvariantCulture);
    var (nodes, ways) = args.Contains("--uniform") ? RoadGridGenerator.Write(roads, side) : RoadHierarchyGenerator.Write(roads, side);
    Console.WriteLine($"{nodes} nodes and {ways} ways written to {roads}.");
    return;
}

var output = options.GetValueOrDefault("--out") ?? "seeds/familienmanager-demo.csv";
var count = int.Parse(options.GetValueOrDefault("--count") ?? "150", CultureInfo.InvariantCulture);
var seed = int.Parse(options.GetValueOrDefault("--seed") ?? "20251001", CultureInfo.InvariantCulture);
var data = options.GetValueOrDefault("--data") ?? "data";

var geography = GeographyImporter.Load(GeographySources.InDirectory(data));
var rows = new DemoListGenerator(geography, seed).Generate(count);

Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
await using var writer = new StreamWriter(output, false, Encoding.GetEncoding(1252)) { NewLine = "\r\n" };
await writer.WriteLineAsync(string.Join(';', DemoListGenerator.Header));
foreach (var row in rows)
{
    await writer.WriteLineAsync(string.Join(';', row.Select(ListExport.Quote)));
}

Console.WriteLine($"{rows.Count} demo entries written to {output} (seed {seed}).");
