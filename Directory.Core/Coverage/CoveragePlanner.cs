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
/// <item>The pair search and the interchange have bounds on their work (see the budgets below); 10 km over NRW stays
/// far inside them, large radii may reach them and then keep the best found.</item>
/// <item>The chosen sites are then listed one after another, each with what it adds to those before it, the one that
/// adds most first.</item>
/// </list>
/// </summary>
public static class CoveragePlanner
{
    // Improvements smaller than this (people) are rounding, not improvements: without it two equal sites could swap forever.
    private const double Epsilon = 1e-6;

    // Bounds on the work of one answer, in distance checks between a site and a cell. Within them the pair search is
    // exact and the interchange runs to its end; beyond them (large radii, where a site reaches thousands of cells and
    // many sites are nearly equal) the best pair found so far is kept, never worse than greedy's pair, and the interchange
    // stops, so no question can occupy the service for long. 10 km over all of NRW needs a few per cent of them.
    private const long PairSearchBudget = 60_000_000;
    private const long InterchangeBudget = 120_000_000;

    /// <summary>Suggests up to <paramref name="count"/> sites.</summary>
    /// <param name="model">The distances from each cell to the nearest manager that counts (the date asked about).</param>
    /// <param name="radiusMetres">The reach radius.</param>
    /// <param name="count">How many sites.</param>
    /// <param name="target">Whom to count: all residents, or those under 15.</param>
    /// <param name="inRegion">Which Gemeinden (by position in <see cref="CoverageGrid.Municipalities"/>) the question is
    /// about: their cells are the candidates and the only people counted. Null for all of NRW.</param>
    /// <param name="travel">For reach in minutes: which cells a site at a cell reaches over the road network; the model
    /// is then one of minutes (<see cref="TravelTimeCoverage"/>) and <paramref name="radiusMetres"/> the minutes.</param>
    /// <param name="cancellationToken">Ends the road searches of planning in minutes (a request's work budget).</param>
    public static PlanningResult Suggest(CoverageModel model, double radiusMetres, int count, CoverageTarget target, Func<int, bool>? inRegion = null,
        TravelReachOfCells? travel = null, CancellationToken cancellationToken = default)
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

        Reach reach = travel is null
            ? new StraightLineReach(grid, candidates, open, radiusMetres)
            : new ListedReach(grid, candidates, open, travel, cancellationToken);
        var state = new Cover(people, candidates, open, reach);
        var chosen = new List<int>(count);
        if (count >= 2 && state.Best() is { } greedyFirst && state.Gain[greedyFirst] > Epsilon)
        {
            // Greedy's pair is the floor the exact search has to beat, so that a search cut short by its budget is
            // never worse than greedy.
            var firstGain = state.Gain[greedyFirst];
            state.Add(greedyFirst);
            var greedySecond = state.Best()!.Value;
            var secondGain = state.Gain[greedySecond];
            state.Remove(greedyFirst);
            // Without anyone left for a second site, greedy's "pair" is the first site alone.
            var (first, second) = state.BestPair(PairSearchBudget, firstGain + secondGain)
                ?? (greedyFirst, secondGain > Epsilon ? greedySecond : greedyFirst);
            foreach (var site in first == second ? [first] : new[] { first, second })
            {
                state.Add(site);
                chosen.Add(site);
            }
        }

        while (chosen.Count < count && state.Best() is { } next && state.Gain[next] > Epsilon)
        {
            state.Add(next);
            chosen.Add(next);
        }

        Interchange(state, chosen, state.Work + InterchangeBudget);

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
    private static void Interchange(Cover state, List<int> chosen, long workLimit)
    {
        // Each pass either improves the total by more than Epsilon or ends; the limits guard against long runs.
        for (var pass = 0; pass < 100; pass++)
        {
            var improved = false;
            for (var j = 0; j < chosen.Count && state.Work < workLimit; j++)
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
        private readonly double[] people;
        private readonly int[] openCells;
        private readonly Reach reach;
        private readonly int[] reachedBy;
        private readonly int[] openBuffer;
        private readonly int[] candidateBuffer;
        private readonly int[] pairBuffer;
        private readonly bool[] inFirst;

        public Cover(double[] people, List<int> candidates, List<int> open, Reach reach)
        {
            this.people = people;
            this.reach = reach;
            openCells = [.. open];
            reachedBy = new int[open.Count];
            openBuffer = new int[open.Count];
            pairBuffer = new int[open.Count];
            inFirst = new bool[open.Count];
            candidateBuffer = new int[candidates.Count];
            Gain = new double[candidates.Count];
            for (var i = 0; i < candidates.Count; i++)
            {
                var n = reach.OpenAround(i, openBuffer);
                for (var k = 0; k < n; k++)
                {
                    Gain[i] += people[openCells[openBuffer[k]]];
                }
            }
        }

        /// <summary>What each candidate would bring newly within reach now.</summary>
        public double[] Gain { get; }

        /// <summary>Checks made so far.</summary>
        public long Work => reach.Checks;

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
        /// The pair of candidates that together bring the most people within reach, or null when none brings more than
        /// <paramref name="floor"/>. Candidates are tried by gain, largest first: a pair can be no better than the sum
        /// of its gains, so the search stops where that sum falls to the best found; only sites within two radii share
        /// people.
        /// </summary>
        public (int, int)? BestPair(long budget, double floor)
        {
            var order = Enumerable.Range(0, Gain.Length).Where(i => Gain[i] > Epsilon).OrderByDescending(i => Gain[i]).ThenBy(i => i).ToArray();
            if (order.Length == 0)
            {
                return null;
            }

            var best = floor;
            (int, int)? pair = null;
            var limit = Work + budget;
            for (var a = 0; a < order.Length - 1 && Gain[order[a]] + Gain[order[a + 1]] > best + Epsilon && Work < limit; a++)
            {
                // The open cells the first site reaches, marked (and unmarked below) for the overlaps with each second.
                var reached = reach.OpenAround(order[a], openBuffer);
                for (var k = 0; k < reached; k++)
                {
                    inFirst[openBuffer[k]] = reachedBy[openBuffer[k]] == 0;
                }

                for (var b = a + 1; b < order.Length && Gain[order[a]] + Gain[order[b]] > best + Epsilon && Work < limit; b++)
                {
                    var shared = 0.0;
                    if (reach.MayShare(order[a], order[b]))
                    {
                        var n = reach.OpenAround(order[b], pairBuffer);
                        for (var k = 0; k < n; k++)
                        {
                            if (inFirst[pairBuffer[k]])
                            {
                                shared += people[openCells[pairBuffer[k]]];
                            }
                        }
                    }

                    var value = Gain[order[a]] + Gain[order[b]] - shared;
                    if (value > best + Epsilon)
                    {
                        (best, pair) = (value, (order[a], order[b]));
                    }
                }

                for (var k = 0; k < reached; k++)
                {
                    inFirst[openBuffer[k]] = false;
                }
            }

            return pair;
        }

        public void Add(int candidate) => Change(candidate, +1);

        public void Remove(int candidate) => Change(candidate, -1);

        // The open cells the candidate reaches change state; every candidate that reaches a cell whose state changed
        // (reached by none ↔ by some) gains or loses its people.
        private void Change(int candidate, int step)
        {
            var reached = reach.OpenAround(candidate, openBuffer);
            for (var k = 0; k < reached; k++)
            {
                var d = openBuffer[k];
                reachedBy[d] += step;
                if ((step > 0 && reachedBy[d] == 1) || (step < 0 && reachedBy[d] == 0))
                {
                    var delta = step > 0 ? -people[openCells[d]] : people[openCells[d]];
                    var n = reach.CandidatesAround(d, candidateBuffer);
                    for (var j = 0; j < n; j++)
                    {
                        Gain[candidateBuffer[j]] += delta;
                    }
                }
            }
        }
    }

    /// <summary>Which open cells a candidate reaches, and which candidates reach an open cell (both by position).</summary>
    private abstract class Reach
    {
        /// <summary>Checks made so far: the planner's measure of work.</summary>
        public abstract long Checks { get; }

        /// <summary>Writes the open cells <paramref name="candidate"/> reaches into <paramref name="buffer"/>; returns how many.</summary>
        public abstract int OpenAround(int candidate, int[] buffer);

        /// <summary>Writes the candidates that reach open cell <paramref name="open"/> into <paramref name="buffer"/>.</summary>
        public abstract int CandidatesAround(int open, int[] buffer);

        /// <summary>False when the two candidates cannot reach a cell in common.</summary>
        public abstract bool MayShare(int a, int b);
    }

    /// <summary>Reach as the straight line within a radius, through buckets.</summary>
    private sealed class StraightLineReach : Reach
    {
        private readonly Buckets openIndex;
        private readonly Buckets candidateIndex;
        private readonly double twoRadiiSquared;

        public StraightLineReach(CoverageGrid grid, List<int> candidates, List<int> open, double radius)
        {
            openIndex = new Buckets(open.Select(c => grid.X[c]).ToArray(), open.Select(c => grid.Y[c]).ToArray(), radius);
            candidateIndex = new Buckets(candidates.Select(c => grid.X[c]).ToArray(), candidates.Select(c => grid.Y[c]).ToArray(), radius);
            twoRadiiSquared = 4 * radius * radius;
        }

        public override long Checks => openIndex.Checks + candidateIndex.Checks;

        public override int OpenAround(int candidate, int[] buffer) =>
            openIndex.Around(candidateIndex.X[candidate], candidateIndex.Y[candidate], buffer);

        public override int CandidatesAround(int open, int[] buffer) => candidateIndex.Around(openIndex.X[open], openIndex.Y[open], buffer);

        public override bool MayShare(int a, int b) => candidateIndex.DistanceSquared(a, b) <= twoRadiiSquared;
    }

    /// <summary>
    /// Reach over the road network: for each candidate the open cells it reaches, found once by one bounded search
    /// from it (<see cref="TravelReachOfCells"/>), and the same lists turned around.
    /// </summary>
    private sealed class ListedReach : Reach
    {
        private readonly int[] byCandidateStart;
        private readonly int[] byCandidate;
        private readonly int[] byOpenStart;
        private readonly int[] byOpen;
        private readonly double[] x;
        private readonly double[] y;
        private readonly double twoRadiiSquared;
        private long checks;

        public ListedReach(CoverageGrid grid, List<int> candidates, List<int> open, TravelReachOfCells travel, CancellationToken cancellationToken)
        {
            var openOfCell = new Dictionary<int, int>(open.Count);
            for (var k = 0; k < open.Count; k++)
            {
                openOfCell[open[k]] = k;
            }

            byCandidateStart = new int[candidates.Count + 1];
            var lists = new List<int>();
            for (var i = 0; i < candidates.Count; i++)
            {
                // One road search each: the request's work budget is checked between them.
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var cell in travel.CellsReaching(candidates[i]))
                {
                    if (openOfCell.TryGetValue(cell, out var k))
                    {
                        lists.Add(k);
                    }
                }

                byCandidateStart[i + 1] = lists.Count;
            }

            byCandidate = [.. lists];
            byOpenStart = new int[open.Count + 1];
            foreach (var k in byCandidate)
            {
                byOpenStart[k + 1]++;
            }

            for (var k = 0; k < open.Count; k++)
            {
                byOpenStart[k + 1] += byOpenStart[k];
            }

            byOpen = new int[byCandidate.Length];
            var next = (int[])byOpenStart.Clone();
            for (var i = 0; i < candidates.Count; i++)
            {
                for (var j = byCandidateStart[i]; j < byCandidateStart[i + 1]; j++)
                {
                    byOpen[next[byCandidate[j]]++] = i;
                }
            }

            x = candidates.Select(c => grid.X[c]).ToArray();
            y = candidates.Select(c => grid.Y[c]).ToArray();
            twoRadiiSquared = 4 * travel.FarthestMetres * travel.FarthestMetres;
        }

        public override long Checks => checks;

        public override int OpenAround(int candidate, int[] buffer)
        {
            var n = byCandidateStart[candidate + 1] - byCandidateStart[candidate];
            byCandidate.AsSpan(byCandidateStart[candidate], n).CopyTo(buffer);
            checks += n;
            return n;
        }

        public override int CandidatesAround(int open, int[] buffer)
        {
            var n = byOpenStart[open + 1] - byOpenStart[open];
            byOpen.AsSpan(byOpenStart[open], n).CopyTo(buffer);
            checks += n;
            return n;
        }

        public override bool MayShare(int a, int b) => ((x[a] - x[b]) * (x[a] - x[b])) + ((y[a] - y[b]) * (y[a] - y[b])) <= twoRadiiSquared;
    }

    /// <summary>
    /// Points in square buckets one radius wide, stored by bucket: the points within the radius of a place lie in the
    /// 3 × 3 buckets around it. Written for the planner's inner loop (no allocation, no delegate per point).
    /// </summary>
    private sealed class Buckets
    {
        private readonly double size;
        private readonly double originX;
        private readonly double originY;
        private readonly int columns;
        private readonly int rows;
        private readonly int[] start;
        private readonly int[] order;
        private readonly double[] sortedX;
        private readonly double[] sortedY;

        public Buckets(double[] x, double[] y, double radius)
        {
            (X, Y, Radius) = (x, y, radius);
            // At least 1 km: a radius of 0 still has to find the point itself.
            size = Math.Max(radius, 1_000);
            originX = x.Length == 0 ? 0 : x.Min();
            originY = y.Length == 0 ? 0 : y.Min();
            columns = x.Length == 0 ? 1 : (int)((x.Max() - originX) / size) + 1;
            rows = y.Length == 0 ? 1 : (int)((y.Max() - originY) / size) + 1;
            var bucketOf = new int[x.Length];
            start = new int[(columns * rows) + 1];
            for (var i = 0; i < x.Length; i++)
            {
                bucketOf[i] = ((int)((y[i] - originY) / size) * columns) + (int)((x[i] - originX) / size);
                start[bucketOf[i] + 1]++;
            }

            for (var b = 0; b < columns * rows; b++)
            {
                start[b + 1] += start[b];
            }

            order = new int[x.Length];
            sortedX = new double[x.Length];
            sortedY = new double[x.Length];
            var next = (int[])start.Clone();
            for (var i = 0; i < x.Length; i++)
            {
                var at = next[bucketOf[i]]++;
                (order[at], sortedX[at], sortedY[at]) = (i, x[i], y[i]);
            }
        }

        public double[] X { get; }

        public double[] Y { get; }

        public double Radius { get; }

        /// <summary>Distance checks made so far.</summary>
        public long Checks { get; private set; }

        public double DistanceSquared(int a, int b) => ((X[a] - X[b]) * (X[a] - X[b])) + ((Y[a] - Y[b]) * (Y[a] - Y[b]));

        /// <summary>Writes the points within the radius of (x, y) into <paramref name="found"/>; returns how many.</summary>
        public int Around(double x, double y, int[] found)
        {
            var count = 0;
            var squared = Radius * Radius;
            var column = (int)Math.Floor((x - originX) / size);
            var row = (int)Math.Floor((y - originY) / size);
            for (var r = Math.Max(0, row - 1); r <= Math.Min(rows - 1, row + 1); r++)
            {
                for (var c = Math.Max(0, column - 1); c <= Math.Min(columns - 1, column + 1); c++)
                {
                    var bucket = (r * columns) + c;
                    for (var k = start[bucket]; k < start[bucket + 1]; k++)
                    {
                        var (dx, dy) = (sortedX[k] - x, sortedY[k] - y);
                        if ((dx * dx) + (dy * dy) <= squared)
                        {
                            found[count++] = order[k];
                        }
                    }

                    Checks += start[bucket + 1] - start[bucket];
                }
            }

            return count;
        }
    }
}
