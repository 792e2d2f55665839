using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Directory.Core.Geography;

/// <summary>
/// Point-in-polygon over the municipalities (EPSG:25832): an STRtree of their envelopes whose entries hold each
/// boundary's edges sorted into horizontal bands. Built once per snapshot and then only read, so any number of
/// requests may query it at once (NTS documents STRtree queries as thread-safe; the bands are plain arrays, each
/// boundary's built once by a thread-safe <see cref="Lazy{T}"/>).
/// </summary>
/// <remarks>
/// NTS's prepared polygons answered the same question, but their interval trees held 14.3 MB for the 106,000 edges
/// of the Gemeinden, more than the list of 100,000 managers; the bands hold 1.8 MB (docs/performance.md). The test
/// is NTS's own: <see cref="RayCrossingCounter"/>, which the prepared polygons use too, over the edges of the point's
/// band, a superset of the edges whose height range contains the point.
/// </remarks>
public sealed class MunicipalityIndex
{
    // Each boundary's bands are built when a point first falls into its envelope (10 ms for all 396, off the start).
    private readonly STRtree<(Lazy<BandedBoundary> Boundary, Region Municipality)> tree = new();

    /// <summary>Indexes <paramref name="municipalities"/> (their boundaries must be in EPSG:25832).</summary>
    public MunicipalityIndex(IEnumerable<Region> municipalities)
    {
        foreach (var municipality in municipalities)
        {
            tree.Insert(municipality.Boundary.EnvelopeInternal, (new Lazy<BandedBoundary>(() => new BandedBoundary(municipality.Boundary)), municipality));
        }

        tree.Build();
    }

    /// <summary>
    /// The municipality that contains the point (EPSG:25832), or null outside NRW. A point exactly on a shared border
    /// belongs to the municipality that comes first in key order, so the answer is the same every time.
    /// </summary>
    public Region? Locate(Point point)
    {
        Region? found = null;
        var at = point.Coordinate;
        foreach (var (boundary, municipality) in tree.Query(point.EnvelopeInternal))
        {
            if ((found is null || string.CompareOrdinal(municipality.Key, found.Key) < 0) && boundary.Value.Covers(at))
            {
                found = municipality;
            }
        }

        return found;
    }

    /// <summary>
    /// The edges of one boundary (all rings of all polygons, holes included), each listed in every band of equal
    /// height that its height range touches. About four edges per band: a query looks at a dozen edges, not hundreds.
    /// </summary>
    private sealed class BandedBoundary
    {
        private const int EdgesPerBand = 4;

        // The rings' own coordinates, one ring after the other; edge i runs from vertices[i] to vertices[i + 1].
        private readonly Coordinate[] vertices;
        private readonly int[] bandStarts; // the edges of band b are bandEdges[bandStarts[b] .. bandStarts[b + 1]]
        private readonly int[] bandEdges;
        private readonly double minY;
        private readonly double bandHeight;

        public BandedBoundary(MultiPolygon boundary)
        {
            var rings = new List<Coordinate[]>();
            foreach (var polygon in boundary.Geometries.Cast<Polygon>())
            {
                rings.Add(polygon.ExteriorRing.Coordinates);
                rings.AddRange(polygon.InteriorRings.Select(ring => ring.Coordinates));
            }

            vertices = new Coordinate[rings.Sum(ring => ring.Length)];
            var edgeStarts = new List<int>(vertices.Length);
            var offset = 0;
            foreach (var ring in rings)
            {
                ring.CopyTo(vertices, offset);
                edgeStarts.AddRange(Enumerable.Range(offset, Math.Max(ring.Length - 1, 0)));
                offset += ring.Length;
            }

            var envelope = boundary.EnvelopeInternal;
            minY = envelope.MinY;
            var bands = Math.Max(edgeStarts.Count / EdgesPerBand, 1);
            bandHeight = envelope.Height > 0 ? envelope.Height / bands : 1;
            bandStarts = new int[bands + 1];

            // Two passes, counting then filling, so that the bands end up in two flat arrays.
            foreach (var edge in edgeStarts)
            {
                var (first, last) = BandsOf(edge, bands);
                for (var band = first; band <= last; band++)
                {
                    bandStarts[band + 1]++;
                }
            }

            for (var band = 0; band < bands; band++)
            {
                bandStarts[band + 1] += bandStarts[band];
            }

            bandEdges = new int[bandStarts[bands]];
            var filled = bandStarts[..^1];
            foreach (var edge in edgeStarts)
            {
                var (first, last) = BandsOf(edge, bands);
                for (var band = first; band <= last; band++)
                {
                    bandEdges[filled[band]++] = edge;
                }
            }
        }

        /// <summary>Whether the point lies inside the boundary or on it.</summary>
        public bool Covers(Coordinate point)
        {
            var bands = bandStarts.Length - 1;
            var band = BandOf(point.Y, bands);
            var counter = new RayCrossingCounter(point);
            for (var i = bandStarts[band]; i < bandStarts[band + 1]; i++)
            {
                var edge = bandEdges[i];
                counter.CountSegment(vertices[edge], vertices[edge + 1]);
                if (counter.IsOnSegment)
                {
                    return true;
                }
            }

            return counter.IsPointInPolygon;
        }

        private (int First, int Last) BandsOf(int edge, int bands)
        {
            var (y0, y1) = (vertices[edge].Y, vertices[edge + 1].Y);
            return (BandOf(Math.Min(y0, y1), bands), BandOf(Math.Max(y0, y1), bands));
        }

        // Monotone in y, so an edge whose height range contains y is listed in y's band.
        private int BandOf(double y, int bands) => Math.Clamp((int)Math.Floor((y - minY) / bandHeight), 0, bands - 1);
    }
}
