using Twin.Planning.Allocation;

namespace Twin.Planning.Scenarios;

/// <summary>A change to a scenario (never to the live twin); applied by <see cref="ScenarioEdits.Apply"/>.</summary>
[GenerateSerializer, Immutable]
[Alias("planning.edit")]
public abstract record ScenarioEdit;

/// <summary>Adds candidates; an id already in the scenario is refused.</summary>
[GenerateSerializer, Immutable]
[Alias("planning.edit.add-candidates")]
public sealed record AddCandidates([property: Id(0)] IReadOnlyList<CandidateEntry> Entries) : ScenarioEdit;

/// <summary>Replaces a candidate's figures (same id); its assignment stays when it still fits the building's zone.</summary>
[GenerateSerializer, Immutable]
[Alias("planning.edit.update-candidate")]
public sealed record UpdateCandidate([property: Id(0)] Candidate Candidate) : ScenarioEdit;

[GenerateSerializer, Immutable]
[Alias("planning.edit.remove-candidate")]
public sealed record RemoveCandidate([property: Id(0)] string CandidateId) : ScenarioEdit;

/// <summary>Places a candidate into a vacant building of the scenario (pinned when the optimiser runs again).</summary>
[GenerateSerializer, Immutable]
[Alias("planning.edit.assign")]
public sealed record Assign([property: Id(0)] string CandidateId, [property: Id(1)] string BuildingId) : ScenarioEdit;

[GenerateSerializer, Immutable]
[Alias("planning.edit.unassign")]
public sealed record Unassign([property: Id(0)] string CandidateId) : ScenarioEdit;

/// <summary>Moves a building's expected completion in the scenario; null returns to the live date.</summary>
[GenerateSerializer, Immutable]
[Alias("planning.edit.set-completion")]
public sealed record SetCompletion([property: Id(0)] string BuildingId, [property: Id(1)] DateOnly? ExpectedCompletion) : ScenarioEdit;

[GenerateSerializer, Immutable]
[Alias("planning.edit.add-planned-building")]
public sealed record AddPlannedBuilding([property: Id(0)] PlannedBuilding Building) : ScenarioEdit;

[GenerateSerializer, Immutable]
[Alias("planning.edit.remove-planned-building")]
public sealed record RemovePlannedBuilding([property: Id(0)] string BuildingId) : ScenarioEdit;

[GenerateSerializer, Immutable]
[Alias("planning.edit.set-rules")]
public sealed record SetRules([property: Id(0)] AllocationRules Rules) : ScenarioEdit;

[GenerateSerializer, Immutable]
[Alias("planning.edit.rename")]
public sealed record Rename([property: Id(0)] string Name) : ScenarioEdit;

/// <summary>Internal: the optimiser's plan replaces the previous run's placements (manual ones stay).</summary>
[GenerateSerializer, Immutable]
[Alias("planning.edit.take-run")]
public sealed record TakeRun([property: Id(0)] RunRecord Run, [property: Id(1)] IReadOnlyList<Assignment> Assignments) : ScenarioEdit;
