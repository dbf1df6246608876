using Microsoft.Extensions.Logging;
using Twin.Planning.Allocation;
using Twin.Planning.Scenarios;

namespace Twin.Grains.Planning;

/// <summary>
/// A planner's scenario: every edit changes only this grain's row (version + 1, written before
/// the answer); the live twins are read, never written, until <see cref="Commit"/>.
/// Runs of the optimiser go on the thread pool; their progress is kept in memory and their
/// result written to the row when they end.
/// </summary>
public sealed partial class ScenarioGrain(
    [PersistentState("scenario", TwinStorage.Twins)] IPersistentState<ScenarioRow> row,
    IServiceProvider services,
    ILogger<ScenarioGrain> logger)
    : Grain, IScenarioGrain
{
    private ScenarioState? Current => row.State.Scenario;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A run that was going when its silo stopped will never report: say so.
        if (Current?.LastRun is { Status: RunStatus.Running } run)
        {
            await Write(Current with { LastRun = run with { Status = RunStatus.Interrupted, Error = "the silo running it stopped", FinishedAt = DateTimeOffset.UtcNow } });
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public Task<ScenarioState?> GetState() => Task.FromResult(Current);

    public async Task<ScenarioResult> Create(string name, LiveSnapshot snapshot, string? copiedFrom = null, ScenarioState? copyOf = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (Current is { } existing)
        {
            return ScenarioResult.Conflict("id", $"scenario '{existing.Id}' exists already", existing);
        }

        var now = DateTimeOffset.UtcNow;
        var blank = new ScenarioState
        {
            Id = this.GetPrimaryKeyString(),
            Name = "-",
            Snapshot = snapshot,
            Rules = DefaultRules.For(snapshot.Zones),
        };
        var start = copyOf is null ? blank : copyOf with { Id = blank.Id, Committed = null, LastRun = copyOf.LastRun is { Status: RunStatus.Running } ? null : copyOf.LastRun };
        var (named, violation) = ScenarioEdits.Apply(start, new Rename(name));
        if (violation is not null)
        {
            return ScenarioResult.Invalid(violation.Field, violation.Error);
        }

        var created = named! with { Version = 1, CreatedAt = now, UpdatedAt = now, CopiedFrom = copiedFrom };
        await Write(created);
        return ScenarioResult.Accepted(created);
    }

    public async Task<ScenarioResult> Edit(ScenarioEdit edit, long? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (Refusal(expectedVersion, editing: true) is { } refused)
        {
            return refused;
        }

        var (next, violation) = ScenarioEdits.Apply(Current!, edit);
        if (violation is not null)
        {
            return violation.Failure switch
            {
                EditFailure.Conflict => ScenarioResult.Conflict(violation.Field, violation.Error, Current),
                EditFailure.NotFound => new ScenarioResult(CommandOutcome.NotFound, Current, violation.Field, violation.Error),
                _ => ScenarioResult.Invalid(violation.Field, violation.Error, Current),
            };
        }

        var written = await Write(next!);
        return ScenarioResult.Accepted(written);
    }

    public async Task<ScenarioResult> Delete(long? expectedVersion)
    {
        if (Refusal(expectedVersion, editing: true) is { } refused)
        {
            return refused;
        }

        var gone = Current!;
        await row.ClearStateAsync();
        row.State = new ScenarioRow();
        await GrainFactory.GetGrain<IScenarioDirectoryGrain>(IScenarioDirectoryGrain.Key).Remove(gone.Id);
        DeactivateOnIdle();
        return ScenarioResult.Accepted(gone);
    }

    /// <summary>Why a command cannot go ahead: no scenario, a stale version, a run going, a committed scenario.</summary>
    private ScenarioResult? Refusal(long? expectedVersion, bool editing)
    {
        if (Current is not { } current)
        {
            return ScenarioResult.NotFound("id", $"no scenario '{this.GetPrimaryKeyString()}'");
        }

        if (expectedVersion is { } expected && expected != current.Version)
        {
            return ScenarioResult.Conflict("expectedVersion", $"the scenario is at version {current.Version}, not {expected}", current);
        }

        if (editing && _run is not null)
        {
            return ScenarioResult.Conflict("run", $"run '{_run.Started.RunId}' is going; cancel it or wait for it to end", current);
        }

        return editing && current.Committed is not null
            ? ScenarioResult.Conflict("committed", $"the scenario was committed at {current.Committed.At:u}; copy it to change it", current)
            : null;
    }

    private async Task<ScenarioState> Write(ScenarioState next)
    {
        var versioned = Current is { } current && next != current
            ? next with { Version = current.Version + 1, UpdatedAt = DateTimeOffset.UtcNow }
            : next;
        var previous = row.State;
        row.State = new ScenarioRow { Scenario = versioned };
        try
        {
            await row.WriteStateAsync();
        }
        catch
        {
            row.State = previous;
            DeactivateOnIdle();
            throw;
        }

        await GrainFactory.GetGrain<IScenarioDirectoryGrain>(IScenarioDirectoryGrain.Key).Put(ScenarioSummary.Of(versioned));
        return versioned;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Optimiser run {RunId} of scenario {Scenario} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception e, string runId, string scenario);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commit of scenario {Scenario} failed at {Twin} ({Field}: {Error}); {Failed} undo step(s) failed")]
    private static partial void LogCommitFailed(ILogger logger, string scenario, string twin, string field, string error, int failed);
}
