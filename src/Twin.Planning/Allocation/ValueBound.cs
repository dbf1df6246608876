namespace Twin.Planning.Allocation;

/// <summary>
/// A quick upper bound on the total value, valid for every plan, so a gap can be reported (and reached) before
/// CP-SAT's own bound is any good: every candidate with a fitting site, except that hazardous candidates are counted
/// only as many times as hazardous sites can be used at once — at most one per clique of a clique cover of the
/// sites closer than the separation (the most valuable hazardous candidates taken). Plus 0.01 for the secondary aims.
/// </summary>
internal static class ValueBound
{
    public static double Compute(AllocationIndex index)
    {
        var placeable = Enumerable.Range(0, index.Candidates.Length).Where(c => index.Options[c].Length > 0).ToList();
        if (!index.SeparationApplies)
        {
            return (double)placeable.Sum(c => index.Candidates[c].Value) + 0.01;
        }

        var ordinary = placeable.Where(c => !index.IsHazardous[c]).Sum(c => index.Candidates[c].Value);
        var hazardous = placeable.Where(c => index.IsHazardous[c]).Select(c => index.Candidates[c].Value).OrderDescending().ToList();
        var slots = CliqueCover(index);
        var byCover = (double)hazardous.Take(slots).Sum();
        return (double)ordinary + byCover + 0.01;
    }

    /// <summary>The number of cliques of a greedy clique cover of the hazardous sites' conflict graph (west to east).</summary>
    internal static int CliqueCover(AllocationIndex index)
    {
        var sites = index.HazardSites
            .OrderBy(s => index.Sites[s].FootprintMetric.EnvelopeInternal.MinX)
            .ThenBy(s => s)
            .ToList();
        var covered = new HashSet<int>();
        var cliques = 0;
        foreach (var s in sites)
        {
            if (!covered.Add(s))
            {
                continue;
            }

            cliques++;
            var clique = new List<int> { s };
            var candidates = index.ConflictNeighbours[s]
                .Where(t => !covered.Contains(t))
                .OrderBy(t => index.Sites[t].FootprintMetric.Distance(index.Sites[s].FootprintMetric))
                .ThenBy(t => t);
            foreach (var t in candidates)
            {
                var neighbours = index.ConflictNeighbours[t];
                if (clique.All(member => neighbours.Contains(member)))
                {
                    clique.Add(t);
                    covered.Add(t);
                }
            }
        }

        return cliques;
    }
}
