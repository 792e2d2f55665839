using OsmSharp.Tags;

namespace Directory.Seeds.Generator;

/// <summary>
/// Writes a generated road network of NRW's size with a road hierarchy, as an OpenStreetMap PBF (issue 34): what the
/// benchmark of travel times should meet, since real networks have one and a grid of equal streets is the worst case
/// for contraction hierarchies. Over NRW's bounding box (EPSG:25832), with <c>side</c> × <c>side</c> junctions
/// (2,236: about 5 million):
/// <list type="bullet">
/// <item>residential streets (30 km/h) between all neighbouring junctions, positions shaken by up to a fifth of a
/// step and a quarter of the streets missing (dead ends and blocks, as in towns);</item>
/// <item>every 20th row and column a primary road (70 km/h), every 100th a trunk road (100 km/h, not walkable);</item>
/// <item>every 200th row and column, half a step beside it, a motorway of its own junctions (120 km/h, both
/// carriageways one way), joined to the street grid only at interchanges every 45 steps by motorway links.</item>
/// </list>
/// Deterministic (a fixed seed).
/// </summary>
internal static class RoadHierarchyGenerator
{
    public static (long Nodes, long Ways) Write(string path, int side)
    {
        var (minX, minY, maxX, maxY) = (280_000.0, 5_577_000.0, 532_000.0, 5_820_000.0);
        var (stepX, stepY) = ((maxX - minX) / (side - 1), (maxY - minY) / (side - 1));
        var random = new Random(34);
        long Id(int row, int column) => ((long)row * side) + column + 1;
        using var file = new GeneratedOsmFile(path);
        for (var r = 0; r < side; r++)
        {
            for (var c = 0; c < side; c++)
            {
                var shake = (r % 20 == 0 || c % 20 == 0) ? 0 : 0.2;
                file.Node(Id(r, c), minX + ((c + (shake * ((random.NextDouble() * 2) - 1))) * stepX), minY + ((r + (shake * ((random.NextDouble() * 2) - 1))) * stepY));
            }
        }

        // Motorway junctions: along every 200th row and column, half a step beside it, one every second step.
        var next = ((long)side * side) + 1;
        var rowMotorways = new List<(int Line, long[] Nodes)>();
        var columnMotorways = new List<(int Line, long[] Nodes)>();
        for (var line = 100; line < side - 1; line += 200)
        {
            var along = new long[(side + 1) / 2];
            for (var k = 0; k < along.Length; k++)
            {
                file.Node(along[k] = next++, minX + (2 * k * stepX), minY + ((line + 0.5) * stepY));
            }

            rowMotorways.Add((line, along));
            var across = new long[(side + 1) / 2];
            for (var k = 0; k < across.Length; k++)
            {
                file.Node(across[k] = next++, minX + ((line + 0.5) * stepX), minY + (2 * k * stepY));
            }

            columnMotorways.Add((line, across));
        }

        Tag[] Street(int line) => (line % 100, line % 20) switch
        {
            (0, _) => [new Tag("highway", "trunk")],
            (_, 0) => [new Tag("highway", "primary"), new Tag("maxspeed", "70")],
            _ => [new Tag("highway", "residential")],
        };

        // Rows and columns as ways, broken where a residential street is missing (main roads are never broken).
        for (var line = 0; line < side; line++)
        {
            foreach (var row in new[] { true, false })
            {
                var run = new List<long> { row ? Id(line, 0) : Id(0, line) };
                for (var k = 1; k < side; k++)
                {
                    var id = row ? Id(line, k) : Id(k, line);
                    if (line % 20 != 0 && random.Next(4) == 0)
                    {
                        if (run.Count > 1)
                        {
                            file.Way(run, Street(line));
                        }

                        run = [id];
                        continue;
                    }

                    run.Add(id);
                }

                if (run.Count > 1)
                {
                    file.Way(run, Street(line));
                }
            }
        }

        foreach (var (line, nodes) in rowMotorways.Concat(columnMotorways))
        {
            var isRow = rowMotorways.Any(m => m.Nodes == nodes);
            file.Way(nodes, new Tag("highway", "motorway"));
            file.Way([.. nodes.Reverse()], new Tag("highway", "motorway"));
            for (var k = 0; k < nodes.Length; k += 22)
            {
                var street = isRow ? Id(line, Math.Min(side - 1, 2 * k)) : Id(Math.Min(side - 1, 2 * k), line);
                file.Way([street, nodes[k]], new Tag("highway", "motorway_link"));
                file.Way([nodes[k], street], new Tag("highway", "motorway_link"));
            }
        }

        return (next - 1, file.Ways);
    }
}
