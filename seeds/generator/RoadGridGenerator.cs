using OsmSharp.Tags;

namespace Directory.Seeds.Generator;

/// <summary>
/// Writes a generated road network of NRW's size as an OpenStreetMap PBF, for the road import's benchmark
/// (bench/roads.sh): a square grid of streets over NRW's bounding box (EPSG:25832), one way per row and column, and
/// short diagonal streets in two of every five cells — about 5 million junctions and 12 million stretches for
/// 2,236 × 2,236 nodes. Rows and columns are residential streets (30 km/h), every tenth a primary road
/// (maxspeed 70), every fiftieth a trunk road (100 km/h, no walking), every seventh row one-way. Deterministic.
/// </summary>
internal static class RoadGridGenerator
{
    public static (long Nodes, long Ways) Write(string path, int nodesPerSide)
    {
        var (minX, minY, maxX, maxY) = (280_000.0, 5_577_000.0, 532_000.0, 5_820_000.0);
        var (stepX, stepY) = ((maxX - minX) / (nodesPerSide - 1), (maxY - minY) / (nodesPerSide - 1));
        long Id(int row, int column) => ((long)row * nodesPerSide) + column + 1;
        using var file = new GeneratedOsmFile(path);
        for (var r = 0; r < nodesPerSide; r++)
        {
            for (var c = 0; c < nodesPerSide; c++)
            {
                file.Node(Id(r, c), minX + (c * stepX), minY + (r * stepY));
            }
        }

        void Way(long[] nodes, params Tag[] tags) => file.Way(nodes, tags);
        Tag[] Street(int line, bool row) => (line % 50, line % 10) switch
        {
            (0, _) => [new Tag("highway", "trunk")],
            (_, 0) => [new Tag("highway", "primary"), new Tag("maxspeed", "70")],
            _ when row && line % 7 == 3 => [new Tag("highway", "residential"), new Tag("oneway", "yes")],
            _ => [new Tag("highway", "residential")],
        };

        for (var r = 0; r < nodesPerSide; r++)
        {
            Way([.. Enumerable.Range(0, nodesPerSide).Select(c => Id(r, c))], Street(r, row: true));
        }

        for (var c = 0; c < nodesPerSide; c++)
        {
            Way([.. Enumerable.Range(0, nodesPerSide).Select(r => Id(r, c))], Street(c, row: false));
        }

        for (var r = 0; r < nodesPerSide - 1; r++)
        {
            for (var c = 0; c < nodesPerSide - 1; c++)
            {
                if (((r * 7) + c) % 5 < 2)
                {
                    Way([Id(r, c), Id(r + 1, c + 1)], new Tag("highway", "residential"));
                }
            }
        }

        return ((long)nodesPerSide * nodesPerSide, file.Ways);
    }
}
