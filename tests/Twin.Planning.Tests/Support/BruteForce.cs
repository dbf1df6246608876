namespace Twin.Planning.Tests.Support;

/// <summary>The best total value over every plan, by exhaustive search (each candidate: nowhere, or one site), for tiny problems.</summary>
internal static class BruteForce
{
    public static decimal BestValue(AllocationProblem p)
    {
        var candidates = p.Candidates.OrderByDescending(c => c.Value).ToArray();
        var options = candidates.Select(c => p.Sites.Where(s => Fits(p, c, s)).ToArray()).ToArray();
        var suffix = new decimal[candidates.Length + 1];
        for (var i = candidates.Length - 1; i >= 0; i--)
        {
            suffix[i] = suffix[i + 1] + (options[i].Length > 0 ? candidates[i].Value : 0);
        }

        var plan = new List<Assignment>();
        var best = 0m;
        void Search(int i, decimal value)
        {
            if (value > best)
            {
                best = value;
            }

            if (i == candidates.Length || value + suffix[i] <= best)
            {
                return;
            }

            foreach (var s in options[i])
            {
                plan.Add(new Assignment(candidates[i].Id, s.BuildingId));
                if (Feasibility.Violations(p, plan).Count == 0)
                {
                    Search(i + 1, value + candidates[i].Value);
                }

                plan.RemoveAt(plan.Count - 1);
            }

            Search(i + 1, value);
        }

        Search(0, 0);
        return best;
    }

    private static bool Fits(AllocationProblem p, Candidate c, Site s) => Feasibility.Fits(p, c, s);
}
