namespace Twin.Grains.Twins;

/// <summary>A standard factory building rising floor by floor (标准厂房).</summary>
public sealed class BuildingGrain(
    [PersistentState("twin", TwinStorage.Twins)] IPersistentState<BuildingState> state)
    : TwinGrain<BuildingState>(state), IBuildingGrain
{
    public Task<CommandResult> ReportProgress(BuildingProgress command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Commit(command.ExpectedVersion, current =>
            ValueTask.FromResult(BuildingRules.CheckProgress(current, command.FloorsBuilt, command.Stage) is { } violation
                ? Refuse(violation)
                : Accept(current with { FloorsBuilt = command.FloorsBuilt, Stage = command.Stage })));
    }
}
