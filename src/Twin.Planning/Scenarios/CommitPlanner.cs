using NetTopologySuite.Geometries;
using Twin.Planning.Allocation;

namespace Twin.Planning.Scenarios;

/// <summary>The live states a commit is checked against, read from the grains just before.</summary>
public sealed record LiveFacts(
    IReadOnlyDictionary<string, BuildingState?> Buildings,
    IReadOnlyDictionary<string, EnterpriseState?> Enterprises,
    IReadOnlyDictionary<string, PlantState?> Plants);

/// <summary>One building's part of a commit: who moves in, and how each of them becomes or is an enterprise twin.</summary>
public sealed record BuildingCommit(
    ScenarioSite Site,
    long? ExpectedVersion,
    IReadOnlyList<(Candidate Candidate, string EnterpriseId, bool Create, long? ExpectedVersion, Geometry? PreviousGeometry)> Tenants);

/// <summary>
/// Decides what a commit changes and whether the live park still allows it. Every building of
/// the plan must still be vacant and no less built than in the snapshot (and ready in time
/// unless the scenario moved its date); a planned building's id must still be free; a Signed
/// enterprise must still be Signed and without a building; and for every zone and every group
/// of zones sharing plants, the new discharge must fit the live headroom.
/// </summary>
public static class CommitPlanner
{
    public static (IReadOnlyList<BuildingCommit> Plan, IReadOnlyList<PlannedChange> Changes, IReadOnlyList<CommitConflict> Conflicts) Plan(
        ScenarioState scenario, LiveFacts live, Func<Candidate, string> newEnterpriseId)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(newEnterpriseId);
        var conflicts = new List<CommitConflict>();
        var plan = new List<BuildingCommit>();
        var changes = new List<PlannedChange>();
        var sources = scenario.Candidates.ToDictionary(c => c.Candidate.Id, StringComparer.Ordinal);
        var snapshotBuildings = scenario.Snapshot.VacantBuildings.ToDictionary(b => b.Id, StringComparer.Ordinal);

        foreach (var group in scenario.Plan.GroupBy(p => p.BuildingId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (ScenarioSites.Find(scenario, group.Key) is not { } site)
            {
                conflicts.Add(new(group.Key, "buildingId", "the building is no longer a site of the scenario"));
                continue;
            }

            var candidates = group.Select(p => sources.GetValueOrDefault(p.CandidateId)?.Candidate).OfType<Candidate>().ToList();
            long? version = null;
            var buildingConflicts = conflicts.Count;
            if (site.Planned)
            {
                if (live.Buildings.GetValueOrDefault(site.BuildingId) is not null)
                {
                    conflicts.Add(new(site.BuildingId, "id", "a building with this id exists in the live twin now"));
                }
            }
            else if (live.Buildings.GetValueOrDefault(site.BuildingId) is not { } now)
            {
                conflicts.Add(new(site.BuildingId, "id", "the building is gone from the live twin"));
            }
            else
            {
                version = now.Version;
                if (now.TenantId is { } tenant)
                {
                    conflicts.Add(new(site.BuildingId, "tenantId", $"the building was taken by '{tenant}' since the scenario was made"));
                }

                if (now.Stage < snapshotBuildings[site.BuildingId].Stage)
                {
                    conflicts.Add(new(site.BuildingId, "stage", $"the building is at stage {now.Stage}, behind {snapshotBuildings[site.BuildingId].Stage} in the scenario"));
                }

                if (now.Stage != ConstructionStage.Completed && !scenario.CompletionOverrides.ContainsKey(site.BuildingId))
                {
                    foreach (var late in candidates.Where(c => now.ExpectedCompletion is not { } d || d > c.ReadyBy))
                    {
                        conflicts.Add(new(site.BuildingId, "expectedCompletion",
                            $"the building is now expected {now.ExpectedCompletion?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "at no known date"}, after '{late.Id}' must be ready ({late.ReadyBy:yyyy-MM-dd})", late.Id));
                    }
                }
            }

            var tenants = new List<(Candidate, string, bool, long?, Geometry?)>();
            foreach (var c in candidates)
            {
                if (sources[c.Id].Source == CandidateSource.Signed)
                {
                    if (live.Enterprises.GetValueOrDefault(c.Id) is not { } e)
                    {
                        conflicts.Add(new(c.Id, "id", "the enterprise is gone from the live twin", c.Id));
                    }
                    else if (e.Status is EnterpriseStatus.Exited)
                    {
                        conflicts.Add(new(c.Id, "status", "the enterprise has exited", c.Id));
                    }
                    else if (e.BuildingIds.Count > 0)
                    {
                        conflicts.Add(new(c.Id, "buildingIds", $"the enterprise moved into {string.Join(", ", e.BuildingIds)} since the scenario was made", c.Id));
                    }
                    else
                    {
                        tenants.Add((c, c.Id, false, e.Version, e.Geometry));
                    }
                }
                else
                {
                    tenants.Add((c, newEnterpriseId(c), true, null, null));
                }
            }

            if (conflicts.Count > buildingConflicts || tenants.Count == 0)
            {
                continue;
            }

            plan.Add(new BuildingCommit(site, version, tenants));
            changes.Add(new(site.Planned ? ChangeAction.CreateBuilding : ChangeAction.LetBuilding, site.BuildingId, site.Name, site.BuildingId,
                [.. tenants.Select(t => t.Item1.Id)]));
            changes.AddRange(tenants.Select(t => new PlannedChange(t.Item3 ? ChangeAction.CreateEnterprise : ChangeAction.MoveIn, t.Item2, t.Item1.Name, site.BuildingId, [t.Item1.Id])));
        }

        conflicts.AddRange(HeadroomConflicts(scenario, live));
        return (plan, changes, conflicts);
    }

    private static IEnumerable<CommitConflict> HeadroomConflicts(ScenarioState scenario, LiveFacts live)
    {
        var plants = scenario.Snapshot.Plants
            .Select(p => live.Plants.GetValueOrDefault(p.Id) is { } now
                ? new SnapshotPlant(now.Id, now.Name, now.Version, now.Status, now.Capacity, now.Latest?.Inflow ?? 0, now.ZonesServed)
                : p with { Capacity = 0 })
            .ToList();
        var sites = ScenarioSites.Of(scenario).ToDictionary(s => s.BuildingId, s => s.ZoneId, StringComparer.Ordinal);
        var added = scenario.Plan
            .Where(p => sites.ContainsKey(p.BuildingId))
            .Select(p => (sites[p.BuildingId], scenario.FindCandidate(p.CandidateId)?.Discharge ?? 0))
            .ToList();
        var before = PlantLoads.Relevant(plants).ToDictionary(r => r.Plant.Id, r => r.Plant.Headroom, StringComparer.Ordinal);
        foreach (var after in PlantLoads.Headroom(plants, added).Where(h => h.Headroom < 0 && h.Headroom < before[h.PlantId]))
        {
            var load = before[after.PlantId] - after.Headroom;
            yield return new(after.PlantId, "headroom",
                $"the plan adds {load} t/day for zones {string.Join(", ", after.ZoneIds)}; the plant has {before[after.PlantId]} t/day spare now");
        }
    }
}
