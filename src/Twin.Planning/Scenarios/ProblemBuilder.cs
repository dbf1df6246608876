using Twin.Planning.Allocation;
using Twin.Spatial;

namespace Twin.Planning.Scenarios;

/// <summary>
/// Builds the optimiser's problem from a scenario alone: its sites (vacant buildings ready in
/// time and planned buildings) less those holding pinned manual placements, its unpinned
/// candidates, plant headroom less the pinned candidates' discharge, and the hazardous
/// neighbours, with every footprint in the park's metric projection.
/// </summary>
public static class ProblemBuilder
{
    public static AllocationProblem Build(ScenarioState scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var projection = new MetricProjection(scenario.Snapshot.CentreLon, scenario.Snapshot.CentreLat);
        var pinned = scenario.Plan.Where(p => p.Source == AssignmentSource.Manual).ToList();
        var pinnedCandidates = pinned.Select(p => p.CandidateId).ToHashSet(StringComparer.Ordinal);
        var pinnedBuildings = pinned.Select(p => p.BuildingId).ToHashSet(StringComparer.Ordinal);

        var sites = ScenarioSites.Of(scenario)
            .Where(s => !pinnedBuildings.Contains(s.BuildingId))
            .Select(s => new Site(s.BuildingId, s.ZoneId, s.FloorArea, s.Floors, s.AllowsSplit, s.ReadyOn, projection.ToMetric(s.Footprint)))
            .ToList();
        var candidates = scenario.Candidates.Select(c => c.Candidate).Where(c => !pinnedCandidates.Contains(c.Id)).ToList();

        var zoneOf = ScenarioSites.Of(scenario).ToDictionary(s => s.BuildingId, s => s.ZoneId, StringComparer.Ordinal);
        var plants = PlantLoads.Headroom(scenario.Snapshot.Plants, pinned
            .Where(p => zoneOf.ContainsKey(p.BuildingId))
            .Select(p => (zoneOf[p.BuildingId], scenario.FindCandidate(p.CandidateId)?.Discharge ?? 0)));

        var hazards = scenario.Snapshot.Hazards
            .Where(h => h.HazardClass >= scenario.Rules.HazardThreshold)
            .Select(h => new HazardSite(h.BuildingId, projection.ToMetric(h.Footprint)))
            .Concat(pinned
                .Where(p => (scenario.FindCandidate(p.CandidateId)?.HazardClass ?? 0) >= scenario.Rules.HazardThreshold)
                .Select(p => ScenarioSites.Find(scenario, p.BuildingId))
                .OfType<ScenarioSite>()
                .Select(s => new HazardSite(s.BuildingId, projection.ToMetric(s.Footprint))))
            .ToList();

        return new AllocationProblem(candidates, sites, plants, hazards, scenario.Rules);
    }
}
