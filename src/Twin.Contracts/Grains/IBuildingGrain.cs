using Twin.Contracts.Commands;

namespace Twin.Contracts.Grains;

/// <summary>A standard factory building.</summary>
[Alias("twin.IBuildingGrain")]
public interface IBuildingGrain : ITwinGrain
{
    [Alias("ReportProgress")]
    Task<CommandResult> ReportProgress(BuildingProgress command);

    [Alias("Let")]
    Task<CommandResult> Let(BuildingLetting command);

    [Alias("Vacate")]
    Task<CommandResult> Vacate(BuildingVacating command);
}
