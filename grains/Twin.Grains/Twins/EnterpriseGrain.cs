namespace Twin.Grains.Twins;

/// <summary>An enterprise moving through its lifecycle and reporting monthly figures (企业).</summary>
public sealed class EnterpriseGrain(
    [PersistentState("twin", TwinStorage.Twins)] IPersistentState<EnterpriseState> state)
    : TwinGrain<EnterpriseState>(state), IEnterpriseGrain
{
    public Task<CommandResult> ChangeStatus(EnterpriseStatusChange command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Commit(command.ExpectedVersion, async current =>
        {
            if (EnterpriseRules.CheckTransition(current.Status, command.Status) is { } violation)
            {
                return Refuse(violation);
            }

            if (command.Status == EnterpriseStatus.InProduction && await FirstUnfinishedBuilding(current) is { } unfinished)
            {
                return Refuse("status", $"cannot start production: building '{unfinished.Id}' is {unfinished.Stage}, not Completed", conflict: true);
            }

            return Accept(current with { Status = command.Status });
        });
    }

    public Task<CommandResult> ReportFigures(EnterpriseFiguresReport command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Commit(command.ExpectedVersion, current =>
        {
            if (EnterpriseRules.CheckFigures(command.Figures) is { } violation)
            {
                return ValueTask.FromResult(Refuse(violation));
            }

            // A month reported again replaces the earlier report (a correction).
            var figures = current.Figures
                .Where(f => f.Month != command.Figures.Month)
                .Append(command.Figures)
                .OrderBy(f => f.Month, StringComparer.Ordinal)
                .ToList();
            return ValueTask.FromResult(Accept(current with { Figures = figures }));
        });
    }

    public Task<CommandResult> MoveIn(EnterpriseMoveIn command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Commit(command.ExpectedVersion, current =>
            ValueTask.FromResult(TenancyRules.CheckMoveIn(current, command.BuildingIds) is { } violation
                ? Refuse(violation)
                : Accept(current with
                {
                    BuildingIds = [.. current.BuildingIds, .. command.BuildingIds],
                    Geometry = command.Location ?? current.Geometry,
                })));
    }

    public Task<CommandResult> MoveOut(EnterpriseMoveOut command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Commit(command.ExpectedVersion, current =>
            ValueTask.FromResult(TenancyRules.CheckMoveOut(current, command.BuildingIds) is { } violation
                ? Refuse(violation)
                : Accept(current with
                {
                    BuildingIds = [.. current.BuildingIds.Except(command.BuildingIds, StringComparer.Ordinal)],
                    Geometry = command.Location ?? current.Geometry,
                })));
    }

    private async Task<BuildingState?> FirstUnfinishedBuilding(EnterpriseState current)
    {
        foreach (var id in current.BuildingIds)
        {
            var building = await GrainFactory.GetGrain<IBuildingGrain>(id).GetState() as BuildingState;
            if (building is null || building.Stage != ConstructionStage.Completed)
            {
                return building ?? new BuildingState { Id = id, Name = id, Stage = ConstructionStage.Planned };
            }
        }

        return null;
    }
}
