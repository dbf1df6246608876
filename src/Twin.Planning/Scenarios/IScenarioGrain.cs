using Twin.Planning.Allocation;

namespace Twin.Planning.Scenarios;

/// <summary>
/// One scenario (key: its id, <c>scn-…</c>). Every command takes an optional expected version
/// (stale: conflict on <c>expectedVersion</c>) and changes only the scenario, except
/// <see cref="Commit"/>, which applies its plan to the live twin all or nothing.
/// </summary>
[Alias("planning.IScenarioGrain")]
public interface IScenarioGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    [Alias("GetState")]
    Task<ScenarioState?> GetState();

    /// <summary>Creates the scenario from live facts; a scenario that exists already is a conflict.</summary>
    [Alias("Create")]
    Task<ScenarioResult> Create(string name, LiveSnapshot snapshot, string? copiedFrom = null, ScenarioState? copyOf = null);

    [Alias("Edit")]
    Task<ScenarioResult> Edit(ScenarioEdit edit, long? expectedVersion);

    [Alias("Delete")]
    Task<ScenarioResult> Delete(long? expectedVersion);

    /// <summary>Starts an optimiser run in the background; the answer carries its run id.</summary>
    [Alias("StartRun")]
    Task<ScenarioResult> StartRun(SolveOptions options, long? expectedVersion);

    /// <summary>The run's progress while it runs, its record once done; null for an unknown run.</summary>
    [AlwaysInterleave]
    [Alias("GetRun")]
    Task<RunRecord?> GetRun(string runId);

    [AlwaysInterleave]
    [Alias("CancelRun")]
    Task<bool> CancelRun(string runId);

    /// <summary>What a commit would change in the live twin now, and the conflicts that would refuse it.</summary>
    [Alias("PreviewCommit")]
    Task<CommitPreview?> PreviewCommit();

    /// <summary>Applies the plan to the live twin, all or nothing.</summary>
    [Alias("Commit")]
    Task<ScenarioResult> Commit(long? expectedVersion);
}

/// <summary>What a commit would do, checked against the live grains.</summary>
[GenerateSerializer, Immutable]
[Alias("planning.commit-preview")]
public sealed record CommitPreview(
    [property: Id(0)] IReadOnlyList<PlannedChange> Changes,
    [property: Id(1)] IReadOnlyList<CommitConflict> Conflicts);
