using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Twin.Contracts.Security;
using Twin.Spatial.Serialization;

namespace Twin.Grains.Twins;

/// <summary>
/// What every twin grain does: holds its state (one storage row, geometry included), and
/// commits a change in one order — check the expected version and the rules, raise the version,
/// write to storage, record the audit entry, tell the zone, publish the change — so an
/// acknowledged change is durable and attributed. A refused command is recorded too; a call whose
/// <see cref="AuditContext"/> names nobody (the seed import, the feed simulator's telemetry) is not.
/// </summary>
public abstract class TwinGrain<TState> : Grain, ITwinGrain
    where TState : TwinState
{
    private readonly IPersistentState<TState> _state;
    private IAsyncStream<ChangeItem>? _changes;
    private IAuditLog? _audit;

    protected TwinGrain(IPersistentState<TState> state) => _state = state;

    /// <summary>The twin's state, or <c>null</c> when it does not exist.</summary>
    protected TState? Current => _state.RecordExists ? _state.State : null;

    protected string TwinId => this.GetPrimaryKeyString();

    public Task<TwinState?> GetState() => Task.FromResult<TwinState?>(Current);

    public Task<TwinStats?> GetContribution() =>
        Task.FromResult(Current is { } current ? Contribution.Of(current) : null);

    public async Task<CommandResult> Create(TwinState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (Current is { } existing)
        {
            return CommandResult.Accepted(existing);
        }

        if (state is not TState typed)
        {
            return CommandResult.Invalid("kind", $"a {typeof(TState).Name} is expected, not {state.GetType().Name}");
        }

        if (!string.Equals(state.Id, TwinId, StringComparison.Ordinal))
        {
            return CommandResult.Invalid("id", $"state of '{state.Id}' sent to '{TwinId}'");
        }

        var created = typed with { Version = 1, UpdatedAt = DateTimeOffset.UtcNow };
        await Write(created, null);
        await Publish(null, created);
        return CommandResult.Accepted(created);
    }

    /// <summary>
    /// Commits a change decided by <paramref name="decide"/> from the current state, or refuses it
    /// and changes nothing.
    /// </summary>
    protected async Task<CommandResult> Commit(long? expectedVersion, Func<TState, ValueTask<Decision>> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        if (Current is not { } current)
        {
            // Nothing was stored under this id: don't keep an empty activation around.
            DeactivateOnIdle();
            return CommandResult.NotFound(TwinId);
        }

        var audit = AuditContext.Current;
        if (expectedVersion is { } expected && expected != current.Version)
        {
            return await Refused(audit, current, CommandResult.Conflict("expectedVersion", $"the twin is at version {current.Version}, not {expected}", current));
        }

        var decision = await decide(current);
        if (decision.Violation is { } v)
        {
            return await Refused(audit, current, v.IsConflict
                ? CommandResult.Conflict(v.Field, v.Error, current)
                : CommandResult.Invalid(v.Field, v.Error, current));
        }

        var next = decision.Next! with { Version = current.Version + 1, UpdatedAt = DateTimeOffset.UtcNow };
        await Write(next, current);
        if (audit is { } who)
        {
            await Audit.AppendAsync(new AuditEntry(
                TwinId, next.UpdatedAt, who.Actor, who.Command, CommandOutcome.Accepted, current.Version, next.Version,
                null, null, Json(current), Json(next)));
        }

        await ReportToZone(next);
        await Publish(current, next);
        return CommandResult.Accepted(next);
    }

    private IAuditLog Audit => _audit ??= ServiceProvider.GetRequiredService<IAuditLog>();

    private async Task<CommandResult> Refused((string Actor, string Command)? audit, TState current, CommandResult result)
    {
        if (audit is { } who)
        {
            await Audit.AppendAsync(new AuditEntry(
                TwinId, DateTimeOffset.UtcNow, who.Actor, who.Command, result.Outcome, current.Version, null,
                result.Field, result.Error, Json(current), null));
        }

        return result;
    }

    private static string Json(TState state) => JsonSerializer.Serialize<TwinState>(state, TwinJson.Options);

    protected static Decision Accept(TState next) => new(next, null);

    protected static Decision Refuse(RuleViolation violation) => new(null, violation);

    protected static Decision Refuse(string field, string error, bool conflict = false) =>
        new(null, new RuleViolation(field, error, conflict));

    private async Task Write(TState next, TState? previous)
    {
        _state.State = next;
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            // The write may or may not have landed: reload from storage on the next call.
            if (previous is not null)
            {
                _state.State = previous;
            }

            DeactivateOnIdle();
            throw;
        }
    }

    private Task ReportToZone(TState next)
    {
        if (next.ZoneId is null || next is ZoneState)
        {
            return Task.CompletedTask;
        }

        var zone = GrainFactory.GetGrain<IZoneGrain>(next.ZoneId);
        return zone.Report(new MemberReport(next.Id, next.Version, Contribution.Of(next)));
    }

    private Task Publish(TState? previous, TState next)
    {
        _changes ??= this.GetStreamProvider(TwinStreams.Provider).GetStream<ChangeItem>(TwinStreams.ForTwin(TwinId));
        var (changed, geometryChanged) = StateDiff.Compare(previous, next);
        var item = new ChangeItem(next.Id, next.Kind, next.Version, next.UpdatedAt.ToUnixTimeMilliseconds(), changed, geometryChanged, next);
        return _changes.OnNextAsync(item);
    }

    /// <summary>The outcome of a command's rules: the next state, or why not.</summary>
    protected readonly record struct Decision(TState? Next, RuleViolation? Violation);
}
