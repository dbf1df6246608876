using NetTopologySuite.Geometries;
using Twin.Planning.Allocation;

namespace Twin.Planning.Scenarios;

/// <summary>
/// A planner's scenario: a snapshot of the live park taken when it was made, and everything
/// done in it since (candidates, assignments, date overrides, planned buildings, rules, the last
/// optimiser run). Nothing in it touches the live twin until it is committed.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("planning.scenario-state")]
public sealed record ScenarioState
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Name { get; init; }

    /// <summary>Raised by one with every change; 1 once created.</summary>
    [Id(2)]
    public long Version { get; init; }

    [Id(3)]
    public DateTimeOffset CreatedAt { get; init; }

    [Id(4)]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The scenario this one was copied from, if any.</summary>
    [Id(5)]
    public string? CopiedFrom { get; init; }

    [Id(6)]
    public required LiveSnapshot Snapshot { get; init; }

    [Id(7)]
    public IReadOnlyList<CandidateEntry> Candidates { get; init; } = [];

    /// <summary>Which candidate goes into which building, in this scenario.</summary>
    [Id(8)]
    public IReadOnlyList<PlanAssignment> Plan { get; init; } = [];

    /// <summary>Expected completion dates the planner moved, by building id.</summary>
    [Id(9)]
    public IReadOnlyDictionary<string, DateOnly> CompletionOverrides { get; init; } = new Dictionary<string, DateOnly>();

    [Id(10)]
    public IReadOnlyList<PlannedBuilding> PlannedBuildings { get; init; } = [];

    [Id(11)]
    public required AllocationRules Rules { get; init; }

    [Id(12)]
    public RunRecord? LastRun { get; init; }

    [Id(13)]
    public CommitRecord? Committed { get; init; }

    public Candidate? FindCandidate(string id) => Candidates.FirstOrDefault(c => c.Candidate.Id == id)?.Candidate;
}

/// <summary>Where a candidate came from.</summary>
public enum CandidateSource
{
    /// <summary>An enterprise already Signed (签约) in the twin; the candidate's id is its twin id.</summary>
    Signed,

    /// <summary>Entered by the planner.</summary>
    Planner,

    /// <summary>Imported from a CSV file.</summary>
    Csv,
}

[GenerateSerializer, Immutable]
[Alias("planning.candidate-entry")]
public sealed record CandidateEntry(
    [property: Id(0)] Candidate Candidate,
    [property: Id(1)] CandidateSource Source,
    [property: Id(2)] long? TwinVersion = null);

public enum AssignmentSource
{
    /// <summary>Placed by the planner; kept (pinned) when the optimiser runs again.</summary>
    Manual,

    /// <summary>Placed by the last optimiser run.</summary>
    Optimiser,
}

[GenerateSerializer, Immutable]
[Alias("planning.plan-assignment")]
public sealed record PlanAssignment(
    [property: Id(0)] string CandidateId,
    [property: Id(1)] string BuildingId,
    [property: Id(2)] AssignmentSource Source);

/// <summary>A building that exists only in the scenario (a plan); committed as a building twin at stage Planned.</summary>
/// <param name="Footprint">The footprint polygon, WGS 84 lon/lat.</param>
[GenerateSerializer, Immutable]
[Alias("planning.planned-building")]
public sealed record PlannedBuilding(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string ZoneId,
    [property: Id(3)] decimal FloorArea,
    [property: Id(4)] int Floors,
    [property: Id(5)] bool AllowsSplit,
    [property: Id(6)] DateOnly ReadyOn,
    [property: Id(7)] Geometry Footprint);
