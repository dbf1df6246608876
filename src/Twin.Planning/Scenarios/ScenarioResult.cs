using Twin.Contracts.Commands;

namespace Twin.Planning.Scenarios;

/// <summary>The answer to a scenario command: the outcome, the field at fault, the scenario after it.</summary>
[GenerateSerializer, Immutable]
[Alias("planning.scenario-result")]
public sealed record ScenarioResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] ScenarioState? State,
    [property: Id(2)] string? Field = null,
    [property: Id(3)] string? Error = null)
{
    /// <summary>For a refused commit: every live fact that no longer allows the plan.</summary>
    [Id(4)]
    public IReadOnlyList<CommitConflict> Conflicts { get; init; } = [];

    /// <summary>For a started run: its id.</summary>
    [Id(5)]
    public string? RunId { get; init; }

    public bool IsAccepted => Outcome == CommandOutcome.Accepted;

    public static ScenarioResult Accepted(ScenarioState state) => new(CommandOutcome.Accepted, state);

    public static ScenarioResult Invalid(string field, string error, ScenarioState? state = null) => new(CommandOutcome.Invalid, state, field, error);

    public static ScenarioResult Conflict(string field, string error, ScenarioState? state = null) => new(CommandOutcome.Conflict, state, field, error);

    public static ScenarioResult NotFound(string field, string error) => new(CommandOutcome.NotFound, null, field, error);
}
