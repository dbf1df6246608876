using Twin.Contracts.Commands;

namespace Twin.Contracts.Grains;

/// <summary>A monitoring station.</summary>
[Alias("twin.IStationGrain")]
public interface IStationGrain : ITwinGrain
{
    [Alias("RecordReading")]
    Task<CommandResult> RecordReading(StationReadingReport command);
}
