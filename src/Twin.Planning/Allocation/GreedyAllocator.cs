namespace Twin.Planning.Allocation;

/// <summary>
/// A fast plan that keeps every rule: candidates in order of value density, each into the fitting site that is
/// least wanted by the others (then the one leaving fewest floors empty, then one where its industry already is).
/// The CP-SAT solver starts from it; on its own it is a fair plan in milliseconds.
/// </summary>
/// <remarks>
/// Value density is the candidate's value per unit of the scarce things it takes: one building, plus its largest
/// share of the headroom of a plant serving one of its fitting sites. Ties go to the candidate with fewer fitting
/// sites, then by id (ordinal), so the plan depends on the problem only.
/// </remarks>
public static class GreedyAllocator
{
    public static IReadOnlyList<Assignment> Allocate(AllocationProblem problem)
    {
        AllocationProblemValidator.Validate(problem);
        return Allocate(new AllocationIndex(problem)).ToAssignments();
    }

    internal static PlanState Allocate(AllocationIndex index) => Allocate(index, null);

    /// <summary>Completes <paramref name="start"/> (kept as it is; a copy is completed), or an empty plan.</summary>
    internal static PlanState Allocate(AllocationIndex index, PlanState? start)
    {
        var state = start?.Copy() ?? new PlanState(index);
        var demand = new int[index.Sites.Length];
        foreach (var options in index.Options)
        {
            foreach (var o in options)
            {
                demand[o.Site]++;
            }
        }

        var industriesAt = new HashSet<(string Zone, string Industry)>();
        for (var c = 0; c < state.Choice.Length; c++)
        {
            if (state.Choice[c] >= 0)
            {
                industriesAt.Add((index.Sites[index.Options[c][state.Choice[c]].Site].ZoneId, index.Candidates[c].Industry));
            }
        }

        foreach (var c in Order(index))
        {
            if (state.Choice[c] >= 0)
            {
                continue;
            }

            var candidate = index.Candidates[c];
            var options = index.Options[c];
            var best = -1;
            (int Demand, int Empty, int Clustered, int Conflicts, int Site) bestKey = default;
            for (var i = 0; i < options.Length; i++)
            {
                if (!state.CanTake(c, i))
                {
                    continue;
                }

                var o = options[i];
                var site = index.Sites[o.Site];
                var key = (
                    demand[o.Site],
                    site.AllowsSplit && !o.Whole ? site.Floors - state.FloorsUsed(o.Site) - o.Floors : 0,
                    industriesAt.Contains((site.ZoneId, candidate.Industry)) ? 0 : 1,
                    index.IsHazardous[c] ? index.ConflictNeighbours[o.Site].Length : 0,
                    o.Site);
                if (best < 0 || key.CompareTo(bestKey) < 0)
                {
                    best = i;
                    bestKey = key;
                }
            }

            if (best >= 0)
            {
                state.Take(c, best);
                industriesAt.Add((index.Sites[options[best].Site].ZoneId, candidate.Industry));
            }
        }

        return state;
    }

    private static IEnumerable<int> Order(AllocationIndex index)
    {
        var density = new double[index.Candidates.Length];
        for (var c = 0; c < density.Length; c++)
        {
            var share = 0.0;
            if (index.DischargeMilli[c] > 0)
            {
                foreach (var o in index.Options[c])
                {
                    foreach (var p in index.SitePlants[o.Site])
                    {
                        share = Math.Max(share, index.DischargeMilli[c] / (double)Math.Max(1, index.HeadroomMilli[p]));
                    }
                }
            }

            density[c] = (double)index.Candidates[c].Value / (1 + Math.Min(1, share));
        }

        return Enumerable.Range(0, density.Length)
            .Where(c => index.Options[c].Length > 0)
            .OrderByDescending(c => density[c])
            .ThenBy(c => index.Options[c].Length)
            .ThenBy(c => index.Candidates[c].Id, StringComparer.Ordinal);
    }
}
