namespace Twin.Planning.Tests.Support;

/// <summary>
/// The allocation rules written again, independently of the engine, straight from issue 5: a list of every rule a
/// plan breaks (empty when feasible). Exact decimals, exact geometry distances, no index.
/// </summary>
internal static class Feasibility
{
    /// <summary>Floors a candidate takes in a site and whether its area fits, or null when it does not fit by area.</summary>
    public static int? FloorsTaken(Candidate c, Site s)
    {
        if (s.AllowsSplit && c.Floors < s.Floors)
        {
            var share = s.FloorArea * c.Floors / s.Floors;
            if (c.MinArea <= share && share <= c.MaxArea)
            {
                return c.Floors;
            }
        }

        return c.MinArea <= s.FloorArea && s.FloorArea <= c.MaxArea ? s.Floors : null;
    }

    public static bool Fits(AllocationProblem p, Candidate c, Site s) =>
        p.Rules.ZoneIndustries.Any(z => z.ZoneId == s.ZoneId && z.Industries.Contains(c.Industry))
        && s.ReadyOn is { } ready && ready <= c.ReadyBy
        && FloorsTaken(c, s) is not null;

    public static bool Hazardous(AllocationProblem p, Candidate c) => c.HazardClass >= p.Rules.HazardThreshold;

    public static List<string> Violations(AllocationProblem p, IReadOnlyList<Assignment> plan)
    {
        var errors = new List<string>();
        var candidates = p.Candidates.ToDictionary(c => c.Id);
        var sites = p.Sites.ToDictionary(s => s.BuildingId);
        var placed = new List<(Candidate C, Site S)>();
        foreach (var a in plan)
        {
            if (!candidates.TryGetValue(a.CandidateId, out var c) || !sites.TryGetValue(a.BuildingId, out var s))
            {
                errors.Add($"unknown id in {a}");
                continue;
            }

            if (placed.Any(x => x.C.Id == c.Id))
            {
                errors.Add($"{c.Id} placed twice");
            }

            if (!Fits(p, c, s))
            {
                errors.Add($"{c.Id} does not fit {s.BuildingId} (zone, readiness or area)");
            }

            placed.Add((c, s));
        }

        foreach (var group in placed.GroupBy(x => x.S.BuildingId))
        {
            var site = sites[group.Key];
            if (!site.AllowsSplit && group.Count() > 1)
            {
                errors.Add($"{site.BuildingId} is not splittable but has {group.Count()} tenants");
            }

            var floors = group.Sum(x => FloorsTaken(x.C, site) ?? 0);
            if (floors > site.Floors)
            {
                errors.Add($"{site.BuildingId} has {floors} floors taken of {site.Floors}");
            }
        }

        foreach (var plant in p.Plants)
        {
            var discharge = placed.Where(x => plant.ZoneIds.Contains(x.S.ZoneId)).Sum(x => x.C.Discharge);
            if (discharge > 0 && discharge > plant.Headroom)
            {
                errors.Add($"{plant.PlantId} receives {discharge} t/day, headroom {plant.Headroom}");
            }
        }

        var separation = p.Rules.SeparationMetres;
        var hazardous = placed.Where(x => Hazardous(p, x.C)).ToList();
        for (var i = 0; i < hazardous.Count; i++)
        {
            foreach (var existing in p.ExistingHazards)
            {
                if (hazardous[i].S.FootprintMetric.Distance(existing.FootprintMetric) < separation)
                {
                    errors.Add($"{hazardous[i].C.Id} is closer than {separation} m to existing hazard {existing.BuildingId}");
                }
            }

            for (var j = i + 1; j < hazardous.Count; j++)
            {
                var d = hazardous[i].S.BuildingId == hazardous[j].S.BuildingId ? 0 : hazardous[i].S.FootprintMetric.Distance(hazardous[j].S.FootprintMetric);
                if (d < separation)
                {
                    errors.Add($"{hazardous[i].C.Id} and {hazardous[j].C.Id} are {d:F0} m apart, below {separation} m");
                }
            }
        }

        return errors;
    }
}
