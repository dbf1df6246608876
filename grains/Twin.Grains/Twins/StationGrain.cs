using System.Collections.Immutable;
using Microsoft.Extensions.Options;


namespace Twin.Grains.Twins;

/// <summary>
/// A monitoring station and its latest reading (大气检测站, 雨水总排口在线监控). Readings are
/// write-behind (see <see cref="WriteBehindOptions"/>); a reading does not change the zone's figures.
/// </summary>
public sealed class StationGrain(
    [PersistentState("twin", TwinStorage.Twins)] IPersistentState<StationState> state,
    [PersistentState("latest", TwinStorage.Readings)] IPersistentState<StationState> written,
    IOptions<WriteBehindOptions> options)
    : TwinGrain<StationState>(state, written, options.Value), IStationGrain
{
    private static readonly ImmutableArray<string> ReadingChanges = ["latest"];

    public Task<CommandResult> RecordReading(StationReadingReport command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return CommitReading(command.ExpectedVersion, command.Durable, contributionChanges: false, current =>
        {
            var reading = command.Reading;
            if (reading.At == default)
            {
                return Refuse("at", "the reading's time is missing");
            }

            if (reading.Values.Count == 0)
            {
                return Refuse("values", "a reading has at least one value");
            }

            if (reading.Values.FirstOrDefault(v => !double.IsFinite(v.Value)) is { Key: not null } bad)
            {
                return Refuse($"values.{bad.Key}", "a value must be a finite number");
            }

            if (current.Latest is { } latest && reading.At <= latest.At)
            {
                return Refuse("at", $"a reading at {latest.At:O} or later is already recorded", conflict: true);
            }

            return Accept(current with { Latest = reading }, ReadingChanges);
        });
    }
}
