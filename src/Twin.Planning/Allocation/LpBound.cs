using Google.OrTools.LinearSolver;

namespace Twin.Planning.Allocation;

/// <summary>
/// An upper bound on the total value from the LP relaxation of the assignment model, solved with GLOP: every
/// (candidate, fitting site) pair a variable in [0, 1]; at most one site per candidate; at most one tenant per
/// unsplittable building and the floors of a shared one; every plant's headroom; and for the hazardous candidates a
/// variable <c>h[s]</c> per site open to them with <c>Σ hazardous x[c, s] ≤ h[s]</c>, at most one site per clique
/// of close sites (<see cref="SeparationCliques"/>, which cover every close pair).
/// </summary>
/// <remarks>
/// The bound is not GLOP's objective value, which is only as exact as its floating-point tolerances: it is
/// recomputed from the dual values by weak duality, <c>Σ rhs × y + Σ max(0, reduced cost)</c> with every
/// <c>y</c> clamped to ≥ 0, which is an upper bound on the LP (and so on every plan) for any <c>y ≥ 0</c>, whether
/// or not GLOP finished. Values are counted as the CP-SAT model counts them (0.01, rounded).
/// </remarks>
internal static class LpBound
{
    /// <summary>The bound on Σ value (value units), or null when GLOP failed or ran out of time before producing duals.</summary>
    /// <param name="hazardousOnly">Only the hazardous candidates' pairs (the others left out): a bound on the value of the hazardous part of any plan.</param>
    public static double? Compute(AllocationIndex index, TimeSpan timeLimit, bool hazardousOnly = false)
    {
        using var solver = Solver.CreateSolver("GLOP");
        if (solver is null)
        {
            return null;
        }

        solver.SetTimeLimit((long)Math.Max(1, timeLimit.TotalMilliseconds));
        var candidates = index.Candidates;
        var rows = new List<(Constraint Row, double Rhs)>();
        var columns = new List<(Variable Var, double Cost, List<(int Row, double A)> Terms)>();

        Constraint Row(double rhs)
        {
            var row = solver.MakeConstraint(double.NegativeInfinity, rhs, string.Empty);
            rows.Add((row, rhs));
            return row;
        }

        var objective = solver.Objective();
        objective.SetMaximization();
        var x = new (int Column, Variable Var)[candidates.Length][];
        for (var c = 0; c < candidates.Length; c++)
        {
            var cost = (double)decimal.Round(candidates[c].Value * AllocationCpModel.ValueScale) / (double)AllocationCpModel.ValueScale;
            x[c] = new (int, Variable)[hazardousOnly && !index.IsHazardous[c] ? 0 : index.Options[c].Length];
            for (var o = 0; o < x[c].Length; o++)
            {
                var v = solver.MakeNumVar(0, 1, string.Empty);
                objective.SetCoefficient(v, cost);
                x[c][o] = (columns.Count, v);
                columns.Add((v, cost, []));
            }
        }

        void Add(Constraint row, int column, double a)
        {
            row.SetCoefficient(columns[column].Var, a);
            columns[column].Terms.Add((rows.Count - 1, a));
        }

        for (var c = 0; c < candidates.Length; c++)
        {
            if (x[c].Length > 1)
            {
                var row = Row(1);
                foreach (var (column, _) in x[c])
                {
                    Add(row, column, 1);
                }
            }
        }

        var bySite = new List<(int C, int O)>[index.Sites.Length];
        for (var c = 0; c < candidates.Length; c++)
        {
            for (var o = 0; o < x[c].Length; o++)
            {
                (bySite[index.Options[c][o].Site] ??= []).Add((c, o));
            }
        }

        for (var s = 0; s < index.Sites.Length; s++)
        {
            if (bySite[s] is not { } tenants)
            {
                continue;
            }

            var site = index.Sites[s];
            var floors = tenants.Sum(t => index.Options[t.C][t.O].Floors);
            if (!site.AllowsSplit)
            {
                if (tenants.Count > 1)
                {
                    var row = Row(1);
                    foreach (var (c, o) in tenants)
                    {
                        Add(row, x[c][o].Column, 1);
                    }
                }
            }
            else if (floors > site.Floors)
            {
                var row = Row(site.Floors);
                foreach (var (c, o) in tenants)
                {
                    Add(row, x[c][o].Column, index.Options[c][o].Floors);
                }
            }
        }

        for (var p = 0; p < index.Plants.Length; p++)
        {
            var terms = new List<(int Column, double A)>();
            for (var c = 0; c < candidates.Length; c++)
            {
                var discharge = index.DischargeMilli[c];
                if (discharge == 0)
                {
                    continue;
                }

                for (var o = 0; o < x[c].Length; o++)
                {
                    if (index.SitePlants[index.Options[c][o].Site].Contains(p))
                    {
                        terms.Add((x[c][o].Column, discharge));
                    }
                }
            }

            if (terms.Sum(t => t.A) > index.HeadroomMilli[p])
            {
                var row = Row(index.HeadroomMilli[p]);
                foreach (var (column, a) in terms)
                {
                    Add(row, column, a);
                }
            }
        }

        if (index.SeparationApplies)
        {
            var h = new Dictionary<int, int>();
            foreach (var s in index.HazardSites)
            {
                var v = solver.MakeNumVar(0, 1, string.Empty);
                h[s] = columns.Count;
                columns.Add((v, 0, []));
                var row = Row(0);
                Add(row, h[s], -1);
                foreach (var (c, o) in bySite[s]!)
                {
                    if (index.IsHazardous[c])
                    {
                        Add(row, x[c][o].Column, 1);
                    }
                }
            }

            foreach (var clique in index.SeparationCliques)
            {
                var row = Row(1);
                foreach (var s in clique)
                {
                    Add(row, h[s], 1);
                }
            }
        }

        var status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE or Solver.ResultStatus.ABNORMAL or Solver.ResultStatus.NOT_SOLVED))
        {
            return null;
        }

        // Weak duality with y ≥ 0 (every row is ≤, the objective maximised, 0 ≤ x ≤ 1).
        var y = rows.Select(r => Math.Max(0, r.Row.DualValue())).ToArray();
        if (y.Any(v => double.IsNaN(v) || double.IsInfinity(v)))
        {
            return null;
        }

        var bound = 0.0;
        for (var i = 0; i < rows.Count; i++)
        {
            bound += rows[i].Rhs * y[i];
        }

        foreach (var (_, cost, terms) in columns)
        {
            var reduced = cost;
            foreach (var (row, a) in terms)
            {
                reduced -= a * y[row];
            }

            bound += Math.Max(0, reduced);
        }

        return bound;
    }

    /// <summary>
    /// Cliques of the close-site graph covering every close pair: from each hazardous site (in index order), for
    /// each of its close pairs not yet covered, a clique started from that pair and grown greedily over the site's
    /// neighbours, nearest first; duplicates dropped. At most one site of each may host hazardous candidates.
    /// </summary>
    internal static List<int[]> SeparationCliques(AllocationIndex index)
    {
        var neighbourSets = index.ConflictNeighbours.Select(n => n.ToHashSet()).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cliques = new List<int[]>();
        var covered = new HashSet<(int, int)>();
        foreach (var s in index.HazardSites)
        {
            if (index.ConflictNeighbours[s].Length == 0)
            {
                continue;
            }

            // Grow cliques from s until every close pair of s is in one: each starts from a pair not covered yet.
            var footprint = index.Sites[s].FootprintMetric;
            var byDistance = index.ConflictNeighbours[s]
                .OrderBy(t => index.Sites[t].FootprintMetric.Distance(footprint))
                .ThenBy(t => t)
                .ToArray();
            foreach (var first in byDistance)
            {
                if (covered.Contains((Math.Min(s, first), Math.Max(s, first))))
                {
                    continue;
                }

                var clique = new List<int> { s, first };
                foreach (var t in byDistance)
                {
                    if (t != first && clique.All(m => neighbourSets[t].Contains(m)))
                    {
                        clique.Add(t);
                    }
                }

                for (var i = 0; i < clique.Count; i++)
                {
                    for (var j = i + 1; j < clique.Count; j++)
                    {
                        covered.Add((Math.Min(clique[i], clique[j]), Math.Max(clique[i], clique[j])));
                    }
                }

                clique.Sort();
                if (seen.Add(string.Join(',', clique)))
                {
                    cliques.Add([.. clique]);
                }
            }
        }

        // Every pair is covered by now (each clique above starts from an uncovered one); kept as a cheap guarantee.
        foreach (var (a, b) in index.Conflicts)
        {
            if (!covered.Contains((a, b)))
            {
                cliques.Add([a, b]);
            }
        }

        return cliques;
    }
}
