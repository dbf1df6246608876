namespace Twin.Planning.Scenarios;

/// <summary>A building a scenario may place candidates into: a vacant building of the snapshot or a planned one.</summary>
public sealed record ScenarioSite(
    string BuildingId,
    string Name,
    string ZoneId,
    decimal FloorArea,
    int Floors,
    bool AllowsSplit,
    ConstructionStage Stage,
    DateOnly? ReadyOn,
    NetTopologySuite.Geometries.Geometry Footprint,
    bool Planned);

public static class ScenarioSites
{
    /// <summary>Every site of the scenario, with its ready date: a Completed building is ready already
    /// (<see cref="DateOnly.MinValue"/>), any other on its expected completion (the scenario's override first).</summary>
    public static IReadOnlyList<ScenarioSite> Of(ScenarioState scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var sites = new List<ScenarioSite>();
        foreach (var b in scenario.Snapshot.VacantBuildings)
        {
            DateOnly? ready = scenario.CompletionOverrides.TryGetValue(b.Id, out var moved) ? moved
                : b.Stage == ConstructionStage.Completed ? DateOnly.MinValue
                : b.ExpectedCompletion;
            sites.Add(new(b.Id, b.Name, b.ZoneId, b.FloorArea, b.Floors, b.AllowsSplit, b.Stage, ready, b.Footprint, Planned: false));
        }

        foreach (var p in scenario.PlannedBuildings)
        {
            DateOnly ready = scenario.CompletionOverrides.TryGetValue(p.Id, out var moved) ? moved : p.ReadyOn;
            sites.Add(new(p.Id, p.Name, p.ZoneId, p.FloorArea, p.Floors, p.AllowsSplit, ConstructionStage.Planned, ready, p.Footprint, Planned: true));
        }

        return sites;
    }

    public static ScenarioSite? Find(ScenarioState scenario, string buildingId) =>
        Of(scenario).FirstOrDefault(s => s.BuildingId == buildingId);
}
