namespace Twin.Grains.Twins;

/// <summary>A monitoring station and its latest reading (大气检测站, 雨水总排口在线监控).</summary>
public sealed class StationGrain(
    [PersistentState("twin", TwinStorage.Twins)] IPersistentState<StationState> state)
    : TwinGrain<StationState>(state), IStationGrain
{
    public Task<CommandResult> RecordReading(StationReadingReport command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Commit(command.ExpectedVersion, current =>
        {
            var reading = command.Reading;
            if (reading.At == default)
            {
                return ValueTask.FromResult(Refuse("at", "the reading's time is missing"));
            }

            if (reading.Values.Count == 0)
            {
                return ValueTask.FromResult(Refuse("values", "a reading has at least one value"));
            }

            if (reading.Values.FirstOrDefault(v => !double.IsFinite(v.Value)) is { Key: not null } bad)
            {
                return ValueTask.FromResult(Refuse($"values.{bad.Key}", "a value must be a finite number"));
            }

            if (current.Latest is { } latest && reading.At <= latest.At)
            {
                return ValueTask.FromResult(Refuse("at", $"a reading at {latest.At:O} or later is already recorded", conflict: true));
            }

            return ValueTask.FromResult(Accept(current with { Latest = reading }));
        });
    }
}
