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

    public Task<CommandResult> Let(BuildingLetting command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Commit(command.ExpectedVersion, current =>
            ValueTask.FromResult(TenancyRules.CheckLetting(current, command.TenantIds) is { } violation
                ? Refuse(violation)
                : Accept(current with { TenantId = command.TenantIds[0], CoTenantIds = [.. command.TenantIds.Skip(1)] })));
    }

    public Task<CommandResult> Vacate(BuildingVacating command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Commit(command.ExpectedVersion, current =>
        {
            if (TenancyRules.CheckVacating(current, command.TenantIds) is { } violation)
            {
                return ValueTask.FromResult(Refuse(violation));
            }

            var left = current.Tenants.Except(command.TenantIds, StringComparer.Ordinal).ToList();
            return ValueTask.FromResult(Accept(current with { TenantId = left.FirstOrDefault(), CoTenantIds = [.. left.Skip(1)] }));
        });
    }
}
