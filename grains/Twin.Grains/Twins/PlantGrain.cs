namespace Twin.Grains.Twins;

/// <summary>A wastewater treatment plant: effluent readings against its permit, and its status (污水处理厂).</summary>
public sealed class PlantGrain(
    [PersistentState("twin", TwinStorage.Twins)] IPersistentState<PlantState> state)
    : TwinGrain<PlantState>(state), IPlantGrain
{
    public Task<CommandResult> RecordReading(PlantReading command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Commit(command.ExpectedVersion, current =>
        {
            if (PlantRules.CheckReading(command.Reading, current.Latest) is { } violation)
            {
                return ValueTask.FromResult(Refuse(violation));
            }

            var recent = current.Recent.Append(command.Reading).TakeLast(PlantState.RecentReadings).ToList();
            return ValueTask.FromResult(Accept(current with { Latest = command.Reading, Recent = recent }));
        });
    }

    public Task<CommandResult> ChangeStatus(PlantStatusChange command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Commit(command.ExpectedVersion, current =>
        {
            if (!Enum.IsDefined(command.Status))
            {
                return ValueTask.FromResult(Refuse("status", $"unknown status {command.Status}"));
            }

            var accepted = command.Accepted ?? current.Accepted;
            return ValueTask.FromResult(command.Status == current.Status && accepted == current.Accepted
                ? Refuse("status", $"the plant is already {command.Status}", conflict: true)
                : Accept(current with { Status = command.Status, Accepted = accepted }));
        });
    }
}
