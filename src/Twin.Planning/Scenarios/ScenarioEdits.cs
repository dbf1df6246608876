using Twin.Planning.Allocation;

namespace Twin.Planning.Scenarios;

/// <summary>
/// Applies an edit to a scenario, or says why not (field and error; conflict when the
/// scenario's own content refuses it). Pure: the grain raises the version and writes.
/// </summary>
public static class ScenarioEdits
{
    public static (ScenarioState? Next, EditViolation? Violation) Apply(ScenarioState s, ScenarioEdit edit)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(edit);
        return edit switch
        {
            Rename r => string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > 100
                ? Fail("name", "a name of 1 to 100 characters is needed")
                : Ok(s with { Name = r.Name.Trim() }),
            AddCandidates a => AddCandidates(s, a),
            UpdateCandidate u => UpdateCandidate(s, u),
            RemoveCandidate r => s.FindCandidate(r.CandidateId) is null
                ? Fail("candidateId", $"no candidate '{r.CandidateId}' in the scenario", notFound: true)
                : Ok(s with
                {
                    Candidates = [.. s.Candidates.Where(c => c.Candidate.Id != r.CandidateId)],
                    Plan = [.. s.Plan.Where(p => p.CandidateId != r.CandidateId)],
                }),
            Assign a => Assign(s, a),
            Unassign u => s.Plan.Any(p => p.CandidateId == u.CandidateId)
                ? Ok(s with { Plan = [.. s.Plan.Where(p => p.CandidateId != u.CandidateId)] })
                : Fail("candidateId", $"candidate '{u.CandidateId}' is not placed in the scenario", conflict: true),
            SetCompletion c => SetCompletion(s, c),
            AddPlannedBuilding p => AddPlanned(s, p.Building),
            RemovePlannedBuilding r => s.PlannedBuildings.Any(p => p.Id == r.BuildingId)
                ? Ok(s with
                {
                    PlannedBuildings = [.. s.PlannedBuildings.Where(p => p.Id != r.BuildingId)],
                    Plan = [.. s.Plan.Where(p => p.BuildingId != r.BuildingId)],
                })
                : Fail("buildingId", $"no planned building '{r.BuildingId}' in the scenario", notFound: true),
            SetRules r => SetRules(s, r.Rules),
            TakeRun t => Ok(s with
            {
                LastRun = t.Run,
                Plan = [.. s.Plan.Where(p => p.Source == AssignmentSource.Manual),
                    .. t.Assignments.Select(a => new PlanAssignment(a.CandidateId, a.BuildingId, AssignmentSource.Optimiser))],
            }),
            _ => Fail("edit", $"unknown edit {edit.GetType().Name}"),
        };
    }

    private static (ScenarioState?, EditViolation?) AddCandidates(ScenarioState s, AddCandidates add)
    {
        var ids = s.Candidates.Select(c => c.Candidate.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < add.Entries.Count; i++)
        {
            var c = add.Entries[i].Candidate;
            if (CandidateRules.Check(c) is { } bad)
            {
                return Fail(add.Entries.Count == 1 ? bad.Field : $"candidates[{i}].{bad.Field}", bad.Error);
            }

            if (!ids.Add(c.Id))
            {
                return Fail(add.Entries.Count == 1 ? "id" : $"candidates[{i}].id", $"candidate '{c.Id}' is in the scenario already", conflict: true);
            }
        }

        return ids.Count > CandidateRules.MaxCandidates
            ? Fail("candidates", $"a scenario holds at most {CandidateRules.MaxCandidates} candidates")
            : Ok(s with { Candidates = [.. s.Candidates, .. add.Entries] });
    }

    private static (ScenarioState?, EditViolation?) UpdateCandidate(ScenarioState s, UpdateCandidate u)
    {
        var entry = s.Candidates.FirstOrDefault(c => c.Candidate.Id == u.Candidate.Id);
        if (entry is null)
        {
            return Fail("candidateId", $"no candidate '{u.Candidate.Id}' in the scenario", notFound: true);
        }

        if (CandidateRules.Check(u.Candidate) is { } bad)
        {
            return Fail(bad.Field, bad.Error);
        }

        return Ok(s with { Candidates = [.. s.Candidates.Select(c => c == entry ? entry with { Candidate = u.Candidate } : c)] });
    }

    private static (ScenarioState?, EditViolation?) Assign(ScenarioState s, Assign a)
    {
        var candidate = s.FindCandidate(a.CandidateId);
        if (candidate is null)
        {
            return Fail("candidateId", $"no candidate '{a.CandidateId}' in the scenario", notFound: true);
        }

        if (ScenarioSites.Find(s, a.BuildingId) is not { } site)
        {
            return Fail("buildingId", $"'{a.BuildingId}' is not a vacant or planned building of the scenario", conflict: true);
        }

        var others = s.Plan.Where(p => p.BuildingId == a.BuildingId && p.CandidateId != a.CandidateId).ToList();
        if (others.Count > 0 && !site.AllowsSplit)
        {
            return Fail("buildingId", $"building '{a.BuildingId}' is already given to '{others[0].CandidateId}' and is let whole", conflict: true);
        }

        var floors = candidate.Floors + others.Sum(o => s.FindCandidate(o.CandidateId)?.Floors ?? 0);
        if (others.Count > 0 && floors > site.Floors)
        {
            return Fail("buildingId", $"building '{a.BuildingId}' has {site.Floors} floors; its candidates would need {floors}", conflict: true);
        }

        return Ok(s with
        {
            Plan = [.. s.Plan.Where(p => p.CandidateId != a.CandidateId), new PlanAssignment(a.CandidateId, a.BuildingId, AssignmentSource.Manual)],
        });
    }

    private static (ScenarioState?, EditViolation?) SetCompletion(ScenarioState s, SetCompletion c)
    {
        if (ScenarioSites.Find(s, c.BuildingId) is null)
        {
            return Fail("buildingId", $"'{c.BuildingId}' is not a vacant or planned building of the scenario", notFound: true);
        }

        var overrides = s.CompletionOverrides.ToDictionary(StringComparer.Ordinal);
        if (c.ExpectedCompletion is { } date)
        {
            if (date.Year is < 2000 or > 2100)
            {
                return Fail("expectedCompletion", "the date is between 2000 and 2100");
            }

            overrides[c.BuildingId] = date;
        }
        else
        {
            overrides.Remove(c.BuildingId);
        }

        return Ok(s with { CompletionOverrides = overrides });
    }

    private static (ScenarioState?, EditViolation?) AddPlanned(ScenarioState s, PlannedBuilding p)
    {
        if (!TwinIds.IsKind(p.Id, TwinKind.Building))
        {
            return Fail("id", $"'{p.Id}' is not a building id (building:slug)");
        }

        if (s.Snapshot.VacantBuildings.Any(b => b.Id == p.Id) || s.PlannedBuildings.Any(b => b.Id == p.Id))
        {
            return Fail("id", $"building '{p.Id}' is in the scenario already", conflict: true);
        }

        if (string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > 100)
        {
            return Fail("name", "a name of 1 to 100 characters is needed");
        }

        if (s.Snapshot.Zones.All(z => z.Id != p.ZoneId))
        {
            return Fail("zoneId", $"'{p.ZoneId}' is not a zone of the park");
        }

        if (p.FloorArea <= 0 || p.FloorArea > 1_000_000)
        {
            return Fail("floorArea", "the floor area is above 0 and at most 1,000,000 m²");
        }

        if (p.Floors is < 1 or > 50)
        {
            return Fail("floors", "floors are 1 to 50");
        }

        if (p.Footprint is not NetTopologySuite.Geometries.Polygon { IsValid: true, IsEmpty: false })
        {
            return Fail("footprint", "the footprint is one valid GeoJSON Polygon in lon/lat");
        }

        var env = p.Footprint.EnvelopeInternal;
        return env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90
            ? Fail("footprint", "the footprint's coordinates are lon/lat degrees")
            : Ok(s with { PlannedBuildings = [.. s.PlannedBuildings, p] });
    }

    private static (ScenarioState?, EditViolation?) SetRules(ScenarioState s, AllocationRules rules)
    {
        var zones = s.Snapshot.Zones.Select(z => z.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < rules.ZoneIndustries.Count; i++)
        {
            var rule = rules.ZoneIndustries[i];
            if (!zones.Contains(rule.ZoneId))
            {
                return Fail($"zoneIndustries[{i}].zoneId", $"'{rule.ZoneId}' is not a zone of the park");
            }

            if (rule.Industries.FirstOrDefault(k => !IndustryKeys.IsKey(k)) is { } bad)
            {
                return Fail($"zoneIndustries[{i}].industries", $"'{bad}' is not an industry; use one of {string.Join(", ", IndustryKeys.All)}");
            }
        }

        if (rules.ZoneIndustries.Select(r => r.ZoneId).Distinct(StringComparer.Ordinal).Count() != rules.ZoneIndustries.Count)
        {
            return Fail("zoneIndustries", "a zone has more than one rule");
        }

        if (rules.HazardThreshold is < 1 or > 4)
        {
            return Fail("hazardThreshold", "the hazard threshold is 1 to 4 (4: no candidate keeps a distance)");
        }

        if (!double.IsFinite(rules.SeparationMetres) || rules.SeparationMetres is < 0 or > 5000)
        {
            return Fail("separationMetres", "the safety distance is 0 to 5,000 m");
        }

        if (!double.IsFinite(rules.ClusterWeight) || rules.ClusterWeight < 0 || !double.IsFinite(rules.WasteWeight) || rules.WasteWeight < 0)
        {
            return Fail(rules.ClusterWeight < 0 || !double.IsFinite(rules.ClusterWeight) ? "clusterWeight" : "wasteWeight", "weights are 0 or more");
        }

        return Ok(s with { Rules = rules });
    }

    private static (ScenarioState?, EditViolation?) Ok(ScenarioState next) => (next, null);

    private static (ScenarioState?, EditViolation?) Fail(string field, string error, bool conflict = false, bool notFound = false) =>
        (null, new EditViolation(field, error, conflict ? EditFailure.Conflict : notFound ? EditFailure.NotFound : EditFailure.Invalid));
}

public enum EditFailure
{
    Invalid,
    Conflict,
    NotFound,
}

public sealed record EditViolation(string Field, string Error, EditFailure Failure);
