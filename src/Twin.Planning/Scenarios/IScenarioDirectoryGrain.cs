namespace Twin.Planning.Scenarios;

/// <summary>The list of scenarios (one grain, key <see cref="Key"/>), kept by the scenarios themselves.</summary>
[Alias("planning.IScenarioDirectoryGrain")]
public interface IScenarioDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "planner";

    [Alias("Put")]
    Task Put(ScenarioSummary summary);

    [Alias("Remove")]
    Task Remove(string scenarioId);

    [AlwaysInterleave]
    [Alias("List")]
    Task<IReadOnlyList<ScenarioSummary>> List();
}

[GenerateSerializer, Immutable]
[Alias("planning.scenario-summary")]
public sealed record ScenarioSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset UpdatedAt,
    [property: Id(5)] int Candidates,
    [property: Id(6)] int Placed,
    [property: Id(7)] bool Committed,
    [property: Id(8)] string? CopiedFrom)
{
    public static ScenarioSummary Of(ScenarioState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Name, s.Version, s.CreatedAt, s.UpdatedAt, s.Candidates.Count, s.Plan.Count, s.Committed is not null, s.CopiedFrom);
    }
}
