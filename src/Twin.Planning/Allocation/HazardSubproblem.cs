using System.Globalization;
using Google.OrTools.Sat;

namespace Twin.Planning.Allocation;

/// <summary>
/// The hazardous candidates on their own: each takes at most one of its sites, a site hosts at most one of them, and
/// of the sites closer than the separation at most one is used (one <c>AtMostOne</c> per clique of
/// <see cref="LpBound.SeparationCliques"/>). Floors and plant headroom are left out, so it is a relaxation of the
/// hazardous part of every plan: the value of the hazardous candidates any plan places is at most its optimum.
/// </summary>
/// <remarks>
/// <para>Hence a bound on the whole problem: <c>Σ value of every non-hazardous candidate with a fitting site +
/// bound of this subproblem</c>. On the benchmark park the hazardous candidates are what a plan leaves out (every
/// non-hazardous candidate fits), so this bound is close, where the LP relaxation of the whole model is not: the
/// fractional independent sets of the close-site graph are worth much more than the integral ones.</para>
/// <para>Its best solution also seeds the main search: the hazardous candidates placed as it says, then the others
/// (<see cref="GreedyAllocator"/> with those fixed, then <see cref="LocalSearch"/>).</para>
/// </remarks>
internal static class HazardSubproblem
{
    /// <param name="Choice">For each candidate, its option in the subproblem's best solution (-1: none; non-hazardous: -1).</param>
    /// <param name="Value">That solution's value (value units).</param>
    /// <param name="Bound">Proven upper bound on the subproblem's value (value units).</param>
    internal sealed record Outcome(int[] Choice, double Value, double Bound, bool Optimal);

    /// <param name="timeLimit">Deterministic time (CP-SAT's <c>max_deterministic_time</c>, about seconds on a quiet machine).</param>
    /// <param name="wallLimit">Wall-clock limit, the most it may take whatever the load.</param>
    public static Outcome? Solve(AllocationIndex index, TimeSpan timeLimit, TimeSpan wallLimit, int seed, int workers, int[]? hint, CancellationToken cancellationToken)
    {
        if (!index.SeparationApplies)
        {
            return null;
        }

        var model = new CpModel();
        var candidates = index.Candidates;
        var x = new BoolVar[candidates.Length][];
        var bySite = new Dictionary<int, List<BoolVar>>();
        var objective = LinearExpr.NewBuilder();
        for (var c = 0; c < candidates.Length; c++)
        {
            if (!index.IsHazardous[c])
            {
                x[c] = [];
                continue;
            }

            var value = (long)decimal.Round(candidates[c].Value * AllocationCpModel.ValueScale);
            x[c] = [.. index.Options[c].Select(_ => model.NewBoolVar(string.Empty))];
            for (var o = 0; o < x[c].Length; o++)
            {
                var s = index.Options[c][o].Site;
                if (!bySite.TryGetValue(s, out var list))
                {
                    bySite[s] = list = [];
                }

                list.Add(x[c][o]);
                objective.AddTerm(x[c][o], value);
                if (hint is not null)
                {
                    model.AddHint(x[c][o], hint[c] == o);
                }
            }

            if (x[c].Length > 1)
            {
                model.AddAtMostOne(x[c]);
            }
        }

        // h[s] = the site hosts a hazardous candidate (at most one).
        var h = new Dictionary<int, BoolVar>();
        foreach (var (s, list) in bySite.OrderBy(kv => kv.Key))
        {
            var used = model.NewBoolVar(string.Empty);
            h[s] = used;
            model.Add(LinearExpr.Sum(list) == used);
            if (hint is not null)
            {
                model.AddHint(used, list.Count > 0 && Enumerable.Range(0, candidates.Length).Any(c => hint[c] >= 0 && index.IsHazardous[c] && index.Options[c][hint[c]].Site == s));
            }
        }

        foreach (var clique in index.SeparationCliques)
        {
            var members = clique.Where(h.ContainsKey).Select(s => (ILiteral)h[s]).ToArray();
            if (members.Length > 1)
            {
                model.AddAtMostOne(members);
            }
        }

        model.Maximize(objective);
        var ci = CultureInfo.InvariantCulture;
        using var solver = new CpSolver
        {
            StringParameters = string.Join(' ',
                // The deterministic limit ends it the same way every time; the wall-clock one only when the machine
                // is so busy that deterministic time runs far slower than the clock.
                "max_deterministic_time:" + Math.Max(0.05, timeLimit.TotalSeconds).ToString("R", ci),
                "max_time_in_seconds:" + Math.Max(0.05, wallLimit.TotalSeconds).ToString("R", ci),
                "num_workers:" + workers.ToString(ci),
                "random_seed:" + seed.ToString(ci),
                "interleave_search:true",
                "log_search_progress:false"),
        };
        using var registration = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return null;
        }

        var choice = new int[candidates.Length];
        for (var c = 0; c < candidates.Length; c++)
        {
            choice[c] = -1;
            for (var o = 0; o < x[c].Length; o++)
            {
                if (solver.BooleanValue(x[c][o]))
                {
                    choice[c] = o;
                    break;
                }
            }
        }

        var scale = (double)AllocationCpModel.ValueScale;
        return new Outcome(choice, solver.ObjectiveValue / scale, solver.BestObjectiveBound / scale, status == CpSolverStatus.Optimal);
    }

    /// <summary>Σ value of the non-hazardous candidates with a fitting site, in 0.01 (as the model counts values).</summary>
    public static long OrdinaryCents(AllocationIndex index) =>
        Enumerable.Range(0, index.Candidates.Length)
            .Where(c => !index.IsHazardous[c] && index.Options[c].Length > 0)
            .Sum(c => (long)decimal.Round(index.Candidates[c].Value * AllocationCpModel.ValueScale));

    /// <summary>The LP bound (<see cref="LpBound"/>) on the hazardous candidates' value alone: small, so quick.</summary>
    public static double? HazardLp(AllocationIndex index) =>
        index.IsHazardous.Any(h => h) ? LpBound.Compute(index, LpTimeLimit, hazardousOnly: true) : 0;

    private static readonly TimeSpan LpTimeLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A plan from the subproblem's solution: its hazardous placements (most valuable first, each only if it keeps
    /// every rule of the whole problem), then the others by <see cref="GreedyAllocator"/>, then <see cref="LocalSearch"/>.
    /// </summary>
    public static PlanState Complete(AllocationIndex index, Outcome outcome)
    {
        var start = new PlanState(index);
        foreach (var c in Enumerable.Range(0, index.Candidates.Length)
                     .Where(c => outcome.Choice[c] >= 0)
                     .OrderByDescending(c => index.Candidates[c].Value)
                     .ThenBy(c => index.Candidates[c].Id, StringComparer.Ordinal))
        {
            if (start.CanTake(c, outcome.Choice[c]))
            {
                start.Take(c, outcome.Choice[c]);
            }
        }

        return LocalSearch.Improve(index, GreedyAllocator.Allocate(index, start));
    }
}
