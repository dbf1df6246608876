using Orleans.Streams;
using Twin.Contracts.Walls;

namespace Twin.Grains.Walls;

/// <summary>
/// One video wall's state. A presenter's command is checked, given the next version, written and
/// then published on <see cref="WallStreams.All"/>, from which every silo's bridge pushes it to
/// that wall's screens. The camera of "follow me" arrives many times a second: it is published at
/// once but written at most every <see cref="CameraWriteInterval"/> (and on deactivation), so a
/// restart may bring back a camera up to that much older — nothing else is ever lost.
/// </summary>
public sealed class WallGrain(
    [PersistentState("wall", TwinStorage.Twins)] IPersistentState<WallState> state) : Grain, IWallGrain
{
    public static readonly TimeSpan CameraWriteInterval = TimeSpan.FromSeconds(1);

    private IAsyncStream<WallState>? _stream;
    private IGrainTimer? _cameraTimer;
    private bool _cameraDirty;

    // A camera not written yet is held in state.State before the record exists.
    private WallState Current => state.RecordExists || _cameraDirty ? state.State : WallState.Default(this.GetPrimaryKeyString());

    public Task<WallState> GetState() => Task.FromResult(Current);

    public Task<WallResult> Focus(string? zoneId) =>
        Commit(s => s with { FocusZoneId = zoneId, Following = false });

    public Task<WallResult> SetHiddenLayers(IReadOnlyList<string> hidden) =>
        WallRules.CheckLayers(hidden) is { } violation
            ? Refuse(violation)
            : Commit(s => s with { HiddenLayers = [.. hidden.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] });

    public Task<WallResult> SetColoring(WallColoring coloring) =>
        Enum.IsDefined(coloring) ? Commit(s => s with { Coloring = coloring }) : Refuse(new("coloring", $"unknown colouring {coloring}"));

    public Task<WallResult> ShowScenario(string? scenarioId) =>
        scenarioId is not null && !WallRules.IsScenarioId(scenarioId)
            ? Refuse(new("scenarioId", "a scenario id is 1 to 100 of letters, digits and : . _ -"))
            : Commit(s => s with { ScenarioId = scenarioId });

    public Task<WallResult> SetTourPaused(bool paused) => Commit(s => s with { TourPaused = paused });

    public Task<WallResult> Acknowledge(IReadOnlyList<AlarmKey> alarms)
    {
        if (alarms is null || alarms.Count == 0)
        {
            return Refuse(new("alarms", "name at least one alarm: {plantId, at}"));
        }

        if (alarms.FirstOrDefault(a => !TwinIds.IsKind(a.PlantId, TwinKind.Plant)) is { } wrong)
        {
            return Refuse(new("plantId", $"'{wrong.PlantId}' is not a plant id"));
        }

        if (alarms.Any(a => a.At == default))
        {
            return Refuse(new("at", "the reading's time is missing"));
        }

        var held = Current.Acknowledged;
        var fresh = alarms.Distinct().Where(a => !held.Contains(a)).ToList();
        if (fresh.Count == 0)
        {
            return Task.FromResult(new WallResult(Current));
        }

        // The newest acknowledgements are kept: an old reading has long left the plants' windows.
        return Commit(s => s with
        {
            Acknowledged = [.. s.Acknowledged.Concat(fresh).OrderBy(a => a.At).TakeLast(WallRules.MaxAcknowledged)],
        });
    }

    public async Task<WallResult> Follow(WallCamera? camera)
    {
        if (camera is null)
        {
            return await Commit(s => s with { Following = false });
        }

        if (WallRules.CheckCamera(camera) is { } violation)
        {
            return await Refuse(violation);
        }

        var next = Next(Current with { Following = true, Camera = camera });
        state.State = next;
        _cameraDirty = true;
        _cameraTimer ??= this.RegisterGrainTimer(
            static (grain, _) => grain.WriteCamera(),
            this,
            new GrainTimerCreationOptions(CameraWriteInterval, CameraWriteInterval));
        await Publish(next);
        return new WallResult(next);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await WriteCamera();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private async Task WriteCamera()
    {
        if (_cameraDirty)
        {
            _cameraDirty = false;
            await state.WriteStateAsync();
        }
    }

    private async Task<WallResult> Commit(Func<WallState, WallState> change)
    {
        var previous = state.RecordExists ? state.State : null;
        var next = Next(change(Current));
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The write may or may not have landed: read storage again on the next call.
            if (previous is not null)
            {
                state.State = previous;
            }

            DeactivateOnIdle();
            throw;
        }

        _cameraDirty = false;
        await Publish(next);
        return new WallResult(next);
    }

    private WallState Next(WallState changed)
    {
        var now = DateTimeOffset.UtcNow;
        return changed with { WallId = this.GetPrimaryKeyString(), Version = Current.Version + 1, UpdatedAt = now, LastActionAt = now };
    }

    private Task<WallResult> Refuse(RuleViolation violation) => Task.FromResult(WallResult.Refused(Current, violation));

    private Task Publish(WallState next)
    {
        _stream ??= this.GetStreamProvider(TwinStreams.Provider).GetStream<WallState>(WallStreams.All);
        return _stream.OnNextAsync(next);
    }
}
