namespace Twin.Planning.Scenarios;

public enum ChangeAction
{
    /// <summary>A vacant building is let to the candidates placed in it.</summary>
    LetBuilding,

    /// <summary>An enterprise twin moves into a building.</summary>
    MoveIn,

    /// <summary>A planner's candidate becomes an enterprise twin (Signed, in its building).</summary>
    CreateEnterprise,

    /// <summary>A planned building becomes a building twin (stage Planned), let to its candidates.</summary>
    CreateBuilding,
}

/// <summary>One change a commit makes (or made) to the live twin.</summary>
[GenerateSerializer, Immutable]
[Alias("planning.planned-change")]
public sealed record PlannedChange(
    [property: Id(0)] ChangeAction Action,
    [property: Id(1)] string TwinId,
    [property: Id(2)] string Name,
    [property: Id(3)] string? BuildingId,
    [property: Id(4)] IReadOnlyList<string> CandidateIds);

/// <summary>A live fact that no longer allows the plan: the twin, the field and why.</summary>
[GenerateSerializer, Immutable]
[Alias("planning.commit-conflict")]
public sealed record CommitConflict(
    [property: Id(0)] string TwinId,
    [property: Id(1)] string Field,
    [property: Id(2)] string Reason,
    [property: Id(3)] string? CandidateId = null);

[GenerateSerializer, Immutable]
[Alias("planning.commit-record")]
public sealed record CommitRecord(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] IReadOnlyList<PlannedChange> Changes,
    [property: Id(2)] IReadOnlyDictionary<string, string> EnterpriseIds);
