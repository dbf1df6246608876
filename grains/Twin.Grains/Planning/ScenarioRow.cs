using Twin.Planning.Scenarios;

namespace Twin.Grains.Planning;

/// <summary>A scenario grain's storage row: the scenario, or nothing before it is created and after it is deleted.</summary>
[GenerateSerializer]
[Alias("planning.scenario-row")]
public sealed record ScenarioRow
{
    [Id(0)]
    public ScenarioState? Scenario { get; init; }
}
