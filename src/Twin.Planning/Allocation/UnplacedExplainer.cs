using System.Globalization;

namespace Twin.Planning.Allocation;

/// <summary>
/// Why each candidate a plan leaves out is left out. The checks run in this order and the first that holds is the
/// reason: <see cref="UnplacedReasonCode.NoZoneAcceptsIndustry"/>; <see cref="UnplacedReasonCode.NoVacantBuildingInAreaRange"/>
/// (readiness by the candidate's date counts too); <see cref="UnplacedReasonCode.NoPlantHeadroom"/> (every fitting
/// site has a plant whose headroom left by the plan is below the candidate's discharge);
/// <see cref="UnplacedReasonCode.NoSiteKeepsSafetyDistance"/> (hazardous candidates: every remaining site is too close
/// to an existing hazardous building or to one the plan gives a hazardous candidate); otherwise
/// <see cref="UnplacedReasonCode.Outvalued"/>, naming the candidates holding the fitting sites, highest value first.
/// Messages are plain English with the figures; a client localises by <see cref="UnplacedReason.Code"/>.
/// </summary>
public static class UnplacedExplainer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Explains the candidates that <paramref name="assignments"/> (a feasible plan of this problem) leaves out.</summary>
    public static IReadOnlyList<Unplaced> Explain(AllocationProblem problem, IReadOnlyList<Assignment> assignments)
    {
        AllocationProblemValidator.Validate(problem);
        ArgumentNullException.ThrowIfNull(assignments);
        var index = new AllocationIndex(problem);
        var candidateAt = Enumerable.Range(0, index.Candidates.Length).ToDictionary(c => index.Candidates[c].Id, StringComparer.Ordinal);
        var siteAt = Enumerable.Range(0, index.Sites.Length).ToDictionary(s => index.Sites[s].BuildingId, StringComparer.Ordinal);
        var plan = new PlanState(index);
        foreach (var a in assignments)
        {
            if (!candidateAt.TryGetValue(a.CandidateId, out var c) || !siteAt.TryGetValue(a.BuildingId, out var s))
            {
                throw new ArgumentException($"Assignment {a.CandidateId} → {a.BuildingId} names an unknown candidate or building.", nameof(assignments));
            }

            var option = Array.FindIndex(index.Options[c], o => o.Site == s);
            if (option < 0 || plan.Choice[c] >= 0)
            {
                throw new ArgumentException($"Assignment {a.CandidateId} → {a.BuildingId} does not fit or repeats the candidate.", nameof(assignments));
            }

            plan.Take(c, option);
        }

        return Explain(index, plan);
    }

    internal static IReadOnlyList<Unplaced> Explain(AllocationIndex index, PlanState plan)
    {
        var tenants = new List<int>[index.Sites.Length];
        for (var c = 0; c < plan.Choice.Length; c++)
        {
            if (plan.Choice[c] >= 0)
            {
                (tenants[index.Options[c][plan.Choice[c]].Site] ??= []).Add(c);
            }
        }

        return [.. Enumerable.Range(0, index.Candidates.Length)
            .Where(c => plan.Choice[c] < 0)
            .OrderBy(c => index.Candidates[c].Id, StringComparer.Ordinal)
            .Select(c => new Unplaced(index.Candidates[c].Id, [Reason(index, plan, tenants, c)]))];
    }

    private static UnplacedReason Reason(AllocationIndex index, PlanState plan, List<int>[] tenants, int c)
    {
        var candidate = index.Candidates[c];
        if (!index.AnyZoneAccepts(candidate.Industry))
        {
            return new(UnplacedReasonCode.NoZoneAcceptsIndustry, F($"No zone's rules accept the industry '{candidate.Industry}'."), []);
        }

        var zoneSites = Enumerable.Range(0, index.Sites.Length).Where(s => index.ZoneAccepts(index.Sites[s].ZoneId, candidate.Industry)).ToList();
        var fitting = zoneSites.Select(s => SiteOption.Fit(candidate, index.Sites[s], s)).OfType<SiteOption>().ToList();
        if (fitting.Count == 0)
        {
            var ready = zoneSites.Count(s => index.Sites[s].ReadyOn is { } on && on <= candidate.ReadyBy);
            return new(UnplacedReasonCode.NoVacantBuildingInAreaRange, F(
                $"No vacant building in a zone accepting '{candidate.Industry}' is ready by {candidate.ReadyBy:yyyy-MM-dd} with {candidate.MinArea:N0}–{candidate.MaxArea:N0} m² (whole, or {candidate.Floors} floor(s) of a building that may be shared): {zoneSites.Count} vacant building(s) in those zones, {ready} of them ready in time, none in the area range."), []);
        }

        var discharge = index.DischargeMilli[c];
        var short_ = new SortedSet<int>();
        var withHeadroom = fitting.Where(o =>
        {
            var lacking = index.SitePlants[o.Site].Where(p => discharge > 0 && index.HeadroomMilli[p] - plan.PlantUsed(p) < discharge).ToList();
            short_.UnionWith(lacking);
            return lacking.Count == 0;
        }).ToList();
        if (withHeadroom.Count == 0)
        {
            var plants = string.Join("; ", short_.Select(p => F(
                $"{index.Plants[p].PlantId} has {Math.Max(0, index.HeadroomMilli[p] - plan.PlantUsed(p)) / AllocationIndex.DischargeScale:0.###} t/day left of {index.Plants[p].Headroom:0.###}")));
            return new(UnplacedReasonCode.NoPlantHeadroom, F(
                $"Discharge {candidate.Discharge:0.###} t/day: every one of the {fitting.Count} fitting building(s) is served by a plant without that much headroom left in this plan ({plants})."), []);
        }

        var safe = withHeadroom;
        if (index.IsHazardous[c] && index.SeparationApplies)
        {
            safe = [.. withHeadroom.Where(o => !index.NearExistingHazard[o.Site] && !plan.HazardNearby(o.Site))];
            if (safe.Count == 0)
            {
                var nearExisting = withHeadroom.Count(o => index.NearExistingHazard[o.Site]);
                var blockers = withHeadroom
                    .Where(o => !index.NearExistingHazard[o.Site])
                    .SelectMany(o => index.ConflictNeighbours[o.Site].Append(o.Site))
                    .SelectMany(s => tenants[s] ?? [])
                    .Where(t => index.IsHazardous[t])
                    .Distinct();
                var by = ByValue(index, blockers);
                return new(UnplacedReasonCode.NoSiteKeepsSafetyDistance, F(
                    $"Hazard class {candidate.HazardClass} must keep {index.Separation:N0} m from other hazardous sites: of {withHeadroom.Count} fitting building(s) with plant headroom, {nearExisting} are within {index.Separation:N0} m of an existing hazardous building and {withHeadroom.Count - nearExisting} within {index.Separation:N0} m of (or shared with) a hazardous candidate in this plan{Named(index, by)}."), by);
            }
        }

        var free = safe.FirstOrDefault(o => plan.FloorsUsed(o.Site) + o.Floors <= index.Sites[o.Site].Floors);
        if (safe.Any(o => plan.FloorsUsed(o.Site) + o.Floors <= index.Sites[o.Site].Floors))
        {
            return new(UnplacedReasonCode.Outvalued, candidate.Value == 0
                ? F($"Building {index.Sites[free.Site].BuildingId} fits and is free, but the candidate's value is 0, so placing it gains nothing.")
                : F($"Building {index.Sites[free.Site].BuildingId} fits and is still free: the search stopped before placing this candidate (run it longer)."), []);
        }

        var holders = ByValue(index, safe.SelectMany(o => tenants[o.Site] ?? []).Distinct());
        return new(UnplacedReasonCode.Outvalued, F(
            $"All {safe.Count} fitting building(s) ({candidate.MinArea:N0}–{candidate.MaxArea:N0} m², ready by {candidate.ReadyBy:yyyy-MM-dd}) went to other candidates; the plan's total value is higher this way{Named(index, holders)}."), holders);
    }

    private static IReadOnlyList<string> ByValue(AllocationIndex index, IEnumerable<int> candidates) =>
        [.. candidates
            .OrderByDescending(t => index.Candidates[t].Value)
            .ThenBy(t => index.Candidates[t].Id, StringComparer.Ordinal)
            .Select(t => index.Candidates[t].Id)];

    private static string Named(AllocationIndex index, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return string.Empty;
        }

        var byId = index.Candidates.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var shown = ids.Take(5).Select(id => F($"{id} ({byId[id].Value:0.##})"));
        return ": " + string.Join(", ", shown) + (ids.Count > 5 ? F($" and {ids.Count - 5} more") : string.Empty);
    }

    private static string F(FormattableString text) => text.ToString(Invariant);
}
