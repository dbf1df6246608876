using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Twin.Contracts.Security;
using Twin.Grains.Changes;
using Twin.Spatial.Serialization;


namespace Twin.Grains.Twins;

/// <summary>
/// What every twin grain does: holds its state (one storage row, geometry included), and
/// commits a change in one order — check the expected version and the rules, raise the version,
/// write to storage, record the audit entry, tell the zone, publish the change — so an
/// acknowledged business command is durable and attributed. A refused command is recorded too; a
/// call whose <see cref="AuditContext"/> names nobody (the seed import, the feed simulator's
/// telemetry, device readings through ingest) is not. Readings (<see cref="CommitReading"/>) are write-behind instead: applied, published and
/// acknowledged at once, and written, coalesced, to the <see cref="TwinStorage.Readings"/> store
/// by a grain timer within <see cref="WriteBehindOptions.FlushInterval"/> and on deactivation
/// (which a graceful silo stop runs for every grain).
/// </summary>
public abstract partial class TwinGrain<TState> : Grain, ITwinGrain
    where TState : TwinState
{
    private readonly IPersistentState<TState> _state;
    private readonly IPersistentState<TState>? _latest;
    private readonly TimeSpan _flushInterval;
    private ChangePublisher? _changes;
    private IGrainTimer? _flushTimer;
    private bool _dirty;
    private Task _flushing = Task.CompletedTask;
    private ChangeItem? _pendingPublish;
    private Task _publishing = Task.CompletedTask;
    private ILogger? _logger;
    private IAuditLog? _audit;

    protected TwinGrain(IPersistentState<TState> state) => _state = state;

    /// <summary>A twin that takes readings: <paramref name="latest"/> holds its write-behind copy.</summary>
    protected TwinGrain(IPersistentState<TState> state, IPersistentState<TState> latest, WriteBehindOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _state = state;
        _latest = latest;
        _flushInterval = options.FlushInterval;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The write-behind copy is newer when readings came after the last business command.
        if (_latest is { RecordExists: true } latest && (!_state.RecordExists || latest.State.Version > _state.State.Version))
        {
            _state.State = latest.State;
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushReadings();
        await DrainPublishes();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

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
        var audit = AuditContext.Current;
        var (refusal, current, next, changed) = await Check(expectedVersion, audit, decide);
        if (refusal is not null)
        {
            return refusal;
        }

        await Write(next, current);
        await Audited(audit, current, next);
        await ReportToZone(next);
        await DrainPublishes();
        await Publish(current, next, changed);
        return CommandResult.Accepted(next);
    }

    /// <summary>
    /// Commits a reading decided by <paramref name="decide"/>: the same checks and rules as
    /// <see cref="Commit"/>, but the state is written behind (coalesced, within the flush
    /// interval) unless <paramref name="durable"/> asks to write it through (to the twin's own
    /// row, as a business command is) before the answer; the publish is
    /// pipelined (at most one in flight, later ones merged) so a hot twin is not one stream
    /// round trip per reading. The zone hears of it only when <paramref name="contributionChanges"/>.
    /// </summary>
    protected async Task<CommandResult> CommitReading(
        long? expectedVersion,
        bool durable,
        bool contributionChanges,
        Func<TState, Decision> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        if (_latest is null)
        {
            throw new InvalidOperationException($"{GetType().Name} has no write-behind store");
        }

        // Readings a person typed in carry an audit context (and are durable); device readings do not.
        var audit = AuditContext.Current;
        var (refusal, current, next, changed) = await Check(expectedVersion, audit, c => ValueTask.FromResult(decide(c)));
        if (refusal is not null)
        {
            return refusal;
        }

        if (durable)
        {
            // Written through, like a business command: the twin's own row, readings before it included.
            await Write(next, current);
            await Audited(audit, current, next);
        }
        else
        {
            await Audited(audit, current, next);
            _state.State = next;
            _dirty = true;
            _flushTimer ??= this.RegisterGrainTimer(OnFlushTimer, new GrainTimerCreationOptions(_flushInterval, _flushInterval) { Interleave = true });
        }

        PublishBehind(ChangeOf(current, next, changed));
        if (contributionChanges)
        {
            await ReportToZone(next);
        }

        return durable ? CommandResult.Accepted(next) : CommandResult.AcceptedNotYetDurable(next);
    }

    /// <summary>
    /// What every command checks before it changes anything: the twin exists, the expected version,
    /// the rules. A refusal is audited and comes back as <c>Refusal</c> (the states are then not to be used);
    /// otherwise the current state and the next, version raised.
    /// </summary>
    private async Task<(CommandResult? Refusal, TState Current, TState Next, ImmutableArray<string> Changed)> Check(
        long? expectedVersion,
        (string Actor, string Command)? audit,
        Func<TState, ValueTask<Decision>> decide)
    {
        if (Current is not { } current)
        {
            // Nothing was stored under this id: don't keep an empty activation around.
            DeactivateOnIdle();
            return (CommandResult.NotFound(TwinId), null!, null!, default);
        }

        if (expectedVersion is { } expected && expected != current.Version)
        {
            return (await Refused(audit, current, CommandResult.Conflict("expectedVersion", $"the twin is at version {current.Version}, not {expected}", current)), current, null!, default);
        }

        var decision = await decide(current);
        if (decision.Violation is { } v)
        {
            return (await Refused(audit, current, v.IsConflict
                ? CommandResult.Conflict(v.Field, v.Error, current)
                : CommandResult.Invalid(v.Field, v.Error, current)), current, null!, default);
        }

        return (null, current, decision.Next! with { Version = current.Version + 1, UpdatedAt = DateTimeOffset.UtcNow }, decision.Changed);
    }

    private IAuditLog Audit => _audit ??= ServiceProvider.GetRequiredService<IAuditLog>();

    private async Task Audited((string Actor, string Command)? audit, TState current, TState next)
    {
        if (audit is { } who)
        {
            await Audit.AppendAsync(new AuditEntry(
                TwinId, next.UpdatedAt, who.Actor, who.Command, CommandOutcome.Accepted, current.Version, next.Version,
                null, null, Json(current), Json(next)));
        }
    }

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

    /// <summary>Accepts <paramref name="next"/>, naming the properties it changed (no diff of the states is made).</summary>
    protected static Decision Accept(TState next, ImmutableArray<string> changed) => new(next, null, changed);

    protected static Decision Refuse(RuleViolation violation) => new(null, violation);

    protected static Decision Refuse(string field, string error, bool conflict = false) =>
        new(null, new RuleViolation(field, error, conflict));

    /// <summary>The flush timer's tick: writes what readings changed, or stops the timer when nothing did.</summary>
    private Task OnFlushTimer()
    {
        if (!_dirty && _flushing.IsCompleted)
        {
            // Nothing came since the last write: stop ticking until the next reading (a park of
            // mostly idle sensors would otherwise tick every twin every interval).
            _flushTimer?.Dispose();
            _flushTimer = null;
            // Nor keep the finished write's and publish's tasks: ten thousand idle twins held them.
            _flushing = Task.CompletedTask;
            if (_publishing.IsCompleted)
            {
                _publishing = Task.CompletedTask;
            }

            return Task.CompletedTask;
        }

        return FlushReadings();
    }

    /// <summary>Writes the latest state to the write-behind store if readings changed it since the last write.</summary>
    private Task FlushReadings()
    {
        // One write at a time; a flush asked for during a write waits for it and writes what is newer.
        _flushing = _flushing.IsCompleted ? WriteLatest() : WriteLatestAfter(_flushing);
        return _flushing;
    }

    private async Task WriteLatestAfter(Task previous)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        await WriteLatest();
    }

    private async Task WriteLatest()
    {
        if (!_dirty || _latest is null || Current is not { } current)
        {
            return;
        }

        _dirty = false;
        _latest.State = current;
        try
        {
            await _latest.WriteStateAsync();
            // The written state is in storage now: hold none older than the current one (readings
            // that came during the write made newer states, and the copy kept the written one alive
            // until the next flush, long enough to be promoted by a collection).
            _latest.State = Current ?? current;
        }
        catch (Exception e)
        {
            // Not written: try again on the next tick (the state is still in memory).
            _dirty = true;
            LogFlushFailed(Logger, TwinId, e);
            throw;
        }
    }

    private async Task Write(TState next, TState? previous)
    {
        _state.State = next;
        try
        {
            await _state.WriteStateAsync();
            // The full row now holds every reading applied so far.
            _dirty = false;
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

        var zone = GrainFactory.Get<IZoneGrain>(next.ZoneId);
        return zone.Report(new MemberReport(next.Id, next.Version, Contribution.Of(next)));
    }

    private Task Publish(TState? previous, TState next, ImmutableArray<string> declared = default) =>
        Changes.Publish(ChangeOf(previous, next, declared));

    private ChangePublisher Changes => _changes ??= ServiceProvider.GetRequiredService<ChangePublisher>();

    private static ChangeItem ChangeOf(TState? previous, TState next, ImmutableArray<string> declared)
    {
        var (changed, geometryChanged) = declared.IsDefault || previous is null
            ? StateDiff.Compare(previous, next)
            : (declared, false);
        return new ChangeItem(next.Id, next.Kind, next.Version, next.UpdatedAt.ToUnixTimeMilliseconds(), changed, geometryChanged, next);
    }

    /// <summary>
    /// Publishes without making the reading wait: one publish in flight, and the changes that
    /// come meanwhile merged into one item of the latest state (the consumers keep the latest
    /// version of a twin, and the live feed coalesces anyway).
    /// </summary>
    private void PublishBehind(ChangeItem item)
    {
        if (_pendingPublish is { } pending)
        {
            _pendingPublish = item with
            {
                Changed = [.. pending.Changed.Union(item.Changed, StringComparer.Ordinal)],
                GeometryChanged = pending.GeometryChanged || item.GeometryChanged,
            };
            return;
        }

        _pendingPublish = item;
        if (_publishing.IsCompleted)
        {
            _publishing = PublishPending();
        }
    }

    private async Task PublishPending()
    {
        while (_pendingPublish is { } item)
        {
            _pendingPublish = null;
            try
            {
                await Changes.Publish(item);
            }
            catch (Exception e)
            {
                // The state is applied and will be written; only this live message is lost, and
                // the next change of this twin carries the whole state again.
                LogPublishFailed(Logger, TwinId, e);
            }
        }
    }

    /// <summary>Waits for the pipelined publishes, so a business command's change follows them in order.</summary>
    private Task DrainPublishes() => _publishing;

    private ILogger Logger => _logger ??= ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twin {TwinId}: write-behind flush failed; retrying on the next tick")]
    private static partial void LogFlushFailed(ILogger logger, string twinId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twin {TwinId}: a change could not be published")]
    private static partial void LogPublishFailed(ILogger logger, string twinId, Exception exception);

    /// <summary>The outcome of a command's rules: the next state (and, if declared, what it changed), or why not.</summary>
    protected readonly record struct Decision(TState? Next, RuleViolation? Violation, ImmutableArray<string> Changed = default);
}
