using Twin.Planning.Scenarios;

namespace Twin.Grains.Planning;

/// <summary>The list of scenarios, one row; each scenario keeps its own summary here current.</summary>
public sealed class ScenarioDirectoryGrain(
    [PersistentState("directory", TwinStorage.Twins)] IPersistentState<ScenarioDirectoryState> state)
    : Grain, IScenarioDirectoryGrain
{
    public async Task Put(ScenarioSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (state.State.Scenarios.GetValueOrDefault(summary.Id) is { } held && held.Version > summary.Version)
        {
            return;
        }

        state.State = new ScenarioDirectoryState
        {
            Scenarios = new Dictionary<string, ScenarioSummary>(state.State.Scenarios, StringComparer.Ordinal) { [summary.Id] = summary },
        };
        await state.WriteStateAsync();
    }

    public async Task Remove(string scenarioId)
    {
        if (!state.State.Scenarios.ContainsKey(scenarioId))
        {
            return;
        }

        var rest = new Dictionary<string, ScenarioSummary>(state.State.Scenarios, StringComparer.Ordinal);
        rest.Remove(scenarioId);
        state.State = new ScenarioDirectoryState { Scenarios = rest };
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ScenarioSummary>> List() =>
        Task.FromResult<IReadOnlyList<ScenarioSummary>>([.. state.State.Scenarios.Values.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)]);
}

[GenerateSerializer]
[Alias("planning.scenario-directory-state")]
public sealed record ScenarioDirectoryState
{
    [Id(0)]
    public IReadOnlyDictionary<string, ScenarioSummary> Scenarios { get; init; } = new Dictionary<string, ScenarioSummary>();
}
