using Directory.Core.Roads;
using NetTopologySuite.Geometries;

namespace Directory.Testing;

/// <summary>A generated road network: a square grid of streets (EPSG:25832), for tests that need one where no extract is.</summary>
internal static class GridRoadNetwork
{
    /// <summary>
    /// Streets every <paramref name="spacing"/> metres over <paramref name="area"/>, each 50 km/h by car in both
    /// directions and walkable.
    /// </summary>
    public static RoadNetwork Over(Envelope area, int spacing)
    {
        var columns = (int)(area.Width / spacing) + 1;
        var rows = (int)(area.Height / spacing) + 1;
        var x = new int[columns * rows];
        var y = new int[columns * rows];
        var edges = new List<RoadEdge>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var node = (r * columns) + c;
                (x[node], y[node]) = ((int)area.MinX + (c * spacing), (int)area.MinY + (r * spacing));
                if (c > 0)
                {
                    edges.Add(new RoadEdge(node - 1, node, spacing, 50, 50, true));
                }

                if (r > 0)
                {
                    edges.Add(new RoadEdge(node - columns, node, spacing, 50, 50, true));
                }
            }
        }

        return RoadNetwork.Build(x, y, edges);
    }
}
