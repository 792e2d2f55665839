using Directory.Core.Geo;
using NetTopologySuite.Geometries;

namespace Directory.Core.Coverage;

/// <summary>One suggested site: where, in which Gemeinde, and what it adds.</summary>
/// <param name="Rank">1 for the first site chosen.</param>
/// <param name="X">Easting of the site, the centre of an inhabited cell (EPSG:25832).</param>
/// <param name="Y">Northing of the site.</param>
/// <param name="Ags">The Gemeinde the cell belongs to.</param>
/// <param name="NewlyWithinReach">People brought within reach by this site, after the sites ranked before it.</param>
/// <param name="WithinReachAfter">People within reach once this site (and those before it) is added.</param>
public sealed record PlanningSite(int Rank, double X, double Y, string Ags, double NewlyWithinReach, double WithinReachAfter);

/// <summary>The suggestions for one question.</summary>
/// <param name="People">The people the question counts (of the region, or NRW).</param>
/// <param name="WithinReachBefore">Of those, within reach of today's managers.</param>
/// <param name="Sites">The sites, in the order chosen; fewer than asked when no further site brings anyone within reach.</param>
public sealed record PlanningResult(double People, double WithinReachBefore, IReadOnlyList<PlanningSite> Sites);

/// <summary>
/// Where one more family manager would help most: maximal covering (Church and ReVelle), solved the way planners can
/// follow. The candidates are the centres of the inhabited cells (of the region asked about); a site brings within
/// reach the people of every cell within the radius that no manager reaches yet.
/// <list type="number">
/// <item>The best pair, exactly: of all pairs of candidates, the one that brings the most people within reach
/// (candidates by their gain, largest first, so that the search stops where no later pair can be better). Greedy
/// alone fell short of the best pair by 2.4 % and 7.5 % on two of five real Kreise, greedy with interchange still by
/// 7.5 % on one (Kreis Kleve, children), so the first two sites are found exactly.</item>
/// <item>Greedy: further sites one after another, each the candidate that brings the most people newly within reach.
/// For one site this is the exact optimum.</item>
/// <item>Interchange (Teitz and Bart): each chosen site in turn is replaced by the best candidate given the others,
/// as long as that brings more people within reach.</item>
/// <item>The chosen sites are then listed one after another, each with what it adds to those before it, the one that
/// adds most first.</item>
/// </list>
/// </summary>
public static class CoveragePlanner
{
    // Improvements smaller than this (people) are rounding, not improvements: without it two equal sites could swap forever.
    private const double Epsilon = 1e-6;

    /// <summary>Suggests up to <paramref name="count"/> sites.</summary>
    /// <param name="model">The distances from each cell to the nearest manager that counts (the date asked about).</param>
    /// <param name="radiusMetres">The reach radius.</param>
    /// <param name="count">How many sites.</param>
    /// <param name="target">Whom to count: all residents, or those under 15.</param>
    /// <param name="inRegion">Which Gemeinden (by position in <see cref="CoverageGrid.Municipalities"/>) the question is
    /// about: their cells are the candidates and the only people counted. Null for all of NRW.</param>
    public static PlanningResult Suggest(CoverageModel model, double radiusMetres, int count, CoverageTarget target, Func<int, bool>? inRegion = null)
    {
        var grid = model.Grid;
        var people = grid.PeopleOf(target);
        var distances = model.Distances;
        var candidates = new List<int>();
        var open = new List<int>();
        double total = 0, before = 0;
        for (var c = 0; c < grid.Count; c++)
        {
            if (inRegion is not null && !inRegion(grid.MunicipalityOf[c]))
            {
                continue;
            }

            candidates.Add(c);
            total += people[c];
            if (distances[c] <= radiusMetres)
            {
                before += people[c];
            }
            else if (people[c] > 0)
            {
                open.Add(c);
            }
        }

        var state = new Cover(grid, people, candidates, open, radiusMetres);
        var chosen = new List<int>(count);
        if (count >= 2 && state.BestPair() is var (first, second))
        {
            state.Add(first);
            state.Add(second);
            chosen.AddRange([first, second]);
        }

        while (chosen.Count < count && state.Best() is { } next && state.Gain[next] > Epsilon)
        {
            state.Add(next);
            chosen.Add(next);
        }

        Interchange(state, chosen);

        // Listed one after another: the site that adds most to those before it first.
        foreach (var site in chosen)
        {
            state.Remove(site);
        }

        var sites = new List<PlanningSite>(chosen.Count);
        var withinReach = before;
        while (chosen.Count > 0)
        {
            var next = chosen.OrderByDescending(i => state.Gain[i]).ThenBy(i => i).First();
            var added = state.Gain[next];
            state.Add(next);
            chosen.Remove(next);
            withinReach += added;
            var cell = candidates[next];
            sites.Add(new PlanningSite(sites.Count + 1, grid.X[cell], grid.Y[cell], grid.Municipalities[grid.MunicipalityOf[cell]].Ags,
                added, withinReach));
        }

        return new PlanningResult(total, before, sites);
    }

    /// <summary>Replaces chosen sites by better ones, one at a time, until no single replacement helps.</summary>
    private static void Interchange(Cover state, List<int> chosen)
    {
        // Each pass either improves the total by more than Epsilon or ends; the bound only guards against the unforeseen.
        for (var pass = 0; pass < 100; pass++)
        {
            var improved = false;
            for (var j = 0; j < chosen.Count; j++)
            {
                state.Remove(chosen[j]);
                var keep = state.Gain[chosen[j]];
                var best = state.Best()!.Value;
                if (state.Gain[best] > keep + Epsilon)
                {
                    chosen[j] = best;
                    improved = true;
                }

                state.Add(chosen[j]);
            }

            if (!improved)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Which open cells the chosen sites reach, and what each candidate would add: adding or removing a site updates
    /// only the candidates near the cells whose state changes, so a step costs a few hundred thousand distance checks
    /// even for all of NRW.
    /// </summary>
    private sealed class Cover
    {
        private readonly CoverageGrid grid;
        private readonly double[] people;
        private readonly List<int> candidates;
        private readonly List<int> open;
        private readonly double radius;
        private readonly PointGrid<int> openIndex;
        private readonly PointGrid<int> candidateIndex;
        private readonly int[] reachedBy;

        public Cover(CoverageGrid grid, double[] people, List<int> candidates, List<int> open, double radius)
        {
            (this.grid, this.people, this.candidates, this.open, this.radius) = (grid, people, candidates, open, radius);
            openIndex = new PointGrid<int>(Enumerable.Range(0, open.Count), d => new Coordinate(grid.X[open[d]], grid.Y[open[d]]), d => d);
            candidateIndex = new PointGrid<int>(Enumerable.Range(0, candidates.Count), i => new Coordinate(grid.X[candidates[i]], grid.Y[candidates[i]]), i => i);
            reachedBy = new int[open.Count];
            Gain = new double[candidates.Count];
            for (var i = 0; i < candidates.Count; i++)
            {
                foreach (var d in OpenAround(candidates[i]))
                {
                    Gain[i] += people[open[d]];
                }
            }
        }

        /// <summary>What each candidate would bring newly within reach now.</summary>
        public double[] Gain { get; }

        /// <summary>The candidate with the largest gain; at equal gain the first in grid order, so answers are reproducible.</summary>
        public int? Best()
        {
            int? best = null;
            for (var i = 0; i < Gain.Length; i++)
            {
                if (best is null || Gain[i] > Gain[best.Value] + Epsilon)
                {
                    best = i;
                }
            }

            return best;
        }

        /// <summary>
        /// The pair of candidates that together bring the most people within reach, or null when no pair brings more
        /// than the best single candidate. Candidates are tried by gain, largest first: a pair can be no better than the sum of its gains, so
        /// the search stops where that sum falls to the best found; only sites within two radii share people.
        /// </summary>
        public (int, int)? BestPair()
        {
            var order = Enumerable.Range(0, Gain.Length).Where(i => Gain[i] > Epsilon).OrderByDescending(i => Gain[i]).ThenBy(i => i).ToArray();
            if (order.Length == 0)
            {
                return null;
            }

            var best = Gain[order[0]];
            (int, int)? pair = null;
            for (var a = 0; a < order.Length - 1 && Gain[order[a]] + Gain[order[a + 1]] > best + Epsilon; a++)
            {
                var first = candidates[order[a]];
                HashSet<int>? reach = null;
                for (var b = a + 1; b < order.Length && Gain[order[a]] + Gain[order[b]] > best + Epsilon; b++)
                {
                    var second = candidates[order[b]];
                    var (dx, dy) = (grid.X[first] - grid.X[second], grid.Y[first] - grid.Y[second]);
                    var shared = 0.0;
                    if ((dx * dx) + (dy * dy) <= 4 * radius * radius)
                    {
                        reach ??= OpenAround(first).Where(d => reachedBy[d] == 0).ToHashSet();
                        foreach (var d in OpenAround(second))
                        {
                            if (reach.Contains(d))
                            {
                                shared += people[open[d]];
                            }
                        }
                    }

                    var value = Gain[order[a]] + Gain[order[b]] - shared;
                    if (value > best + Epsilon)
                    {
                        (best, pair) = (value, (order[a], order[b]));
                    }
                }
            }

            // Null also when no pair beats the best single site: one site reaches everyone there is, and greedy finds it.
            return pair;
        }

        public void Add(int candidate)
        {
            foreach (var d in OpenAround(candidates[candidate]))
            {
                if (++reachedBy[d] == 1)
                {
                    Change(d, -people[open[d]]);
                }
            }
        }

        public void Remove(int candidate)
        {
            foreach (var d in OpenAround(candidates[candidate]))
            {
                if (--reachedBy[d] == 0)
                {
                    Change(d, people[open[d]]);
                }
            }
        }

        // Every candidate that reaches open cell d gains or loses its people.
        private void Change(int d, double delta)
        {
            var (x, y) = (grid.X[open[d]], grid.Y[open[d]]);
            foreach (var i in Within(candidateIndex, x, y, i => grid.X[candidates[i]], i => grid.Y[candidates[i]]))
            {
                Gain[i] += delta;
            }
        }

        private IEnumerable<int> OpenAround(int cell) =>
            Within(openIndex, grid.X[cell], grid.Y[cell], d => grid.X[open[d]], d => grid.Y[open[d]]);

        private IEnumerable<int> Within(PointGrid<int> points, double x, double y, Func<int, double> xOf, Func<int, double> yOf)
        {
            var squared = radius * radius;
            foreach (var p in points.Within(new Envelope(x - radius, x + radius, y - radius, y + radius)))
            {
                var (dx, dy) = (xOf(p) - x, yOf(p) - y);
                if ((dx * dx) + (dy * dy) <= squared)
                {
                    yield return p;
                }
            }
        }
    }
}
