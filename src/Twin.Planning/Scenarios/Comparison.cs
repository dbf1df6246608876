namespace Twin.Planning.Scenarios;

/// <summary>One zone's figures in a scenario: floor area given to candidates, vacant buildings and area left.</summary>
public sealed record ZoneFigures(string ZoneId, string Name, decimal AreaUsed, int VacantBuildings, decimal VacantArea);

/// <summary>A plant's spare capacity before the scenario's placements and after them.</summary>
public sealed record PlantFigures(string PlantId, string Name, decimal HeadroomBefore, decimal HeadroomAfter);

/// <summary>A scenario's figures for the comparison.</summary>
public sealed record ScenarioFigures(
    string Id,
    string Name,
    long Version,
    int Candidates,
    int Placed,
    decimal AreaUsed,
    decimal ExpectedTax,
    IReadOnlyList<ZoneFigures> Zones,
    IReadOnlyList<PlantFigures> Plants,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Tenants);

/// <summary>A building whose candidates differ between the scenarios compared (by scenario id).</summary>
public sealed record TenantDifference(string BuildingId, IReadOnlyDictionary<string, IReadOnlyList<string>> Tenants);

public sealed record ScenarioComparison(IReadOnlyList<ScenarioFigures> Scenarios, IReadOnlyList<TenantDifference> Differences);

/// <summary>Scenarios side by side.</summary>
public static class Comparison
{
    public static ScenarioFigures Figures(ScenarioState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sites = ScenarioSites.Of(s).ToDictionary(x => x.BuildingId, StringComparer.Ordinal);
        var placed = s.Plan.Where(p => sites.ContainsKey(p.BuildingId) && s.FindCandidate(p.CandidateId) is not null).ToList();
        var used = placed.GroupBy(p => p.BuildingId).ToDictionary(
            g => g.Key,
            g => Math.Min(sites[g.Key].FloorArea, g.Sum(p => s.FindCandidate(p.CandidateId)!.MaxArea)), StringComparer.Ordinal);
        var zones = s.Snapshot.Zones.Select(z =>
        {
            var zoneSites = sites.Values.Where(x => x.ZoneId == z.Id).ToList();
            var vacant = zoneSites.Where(x => !used.ContainsKey(x.BuildingId)).ToList();
            return new ZoneFigures(z.Id, z.Name, zoneSites.Sum(x => used.GetValueOrDefault(x.BuildingId)), vacant.Count, vacant.Sum(x => x.FloorArea));
        }).ToList();
        var after = PlantLoads.Headroom(s.Snapshot.Plants,
            placed.Select(p => (sites[p.BuildingId].ZoneId, s.FindCandidate(p.CandidateId)!.Discharge))).ToDictionary(h => h.PlantId, StringComparer.Ordinal);
        var plants = s.Snapshot.Plants.Select(p => new PlantFigures(p.Id, p.Name, p.Headroom, after.TryGetValue(p.Id, out var h) ? h.Headroom : p.Headroom)).ToList();
        var tenants = placed.GroupBy(p => p.BuildingId).ToDictionary(
            g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.CandidateId).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        return new ScenarioFigures(s.Id, s.Name, s.Version, s.Candidates.Count, placed.Count, used.Values.Sum(),
            placed.Sum(p => s.FindCandidate(p.CandidateId)!.Value), zones, plants, tenants);
    }

    public static ScenarioComparison Compare(IReadOnlyList<ScenarioState> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var figures = scenarios.Select(Figures).ToList();
        var buildings = figures.SelectMany(f => f.Tenants.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var differences = new List<TenantDifference>();
        foreach (var b in buildings)
        {
            var byScenario = figures.ToDictionary(f => f.Id, f => f.Tenants.GetValueOrDefault(b) ?? [], StringComparer.Ordinal);
            if (byScenario.Values.Select(t => string.Join(",", t)).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                differences.Add(new TenantDifference(b, byScenario));
            }
        }

        return new ScenarioComparison(figures, differences);
    }
}
