using Twin.Contracts.Commands;

namespace Twin.Contracts.Grains;

/// <summary>A wastewater treatment plant.</summary>
[Alias("twin.IPlantGrain")]
public interface IPlantGrain : ITwinGrain
{
    [Alias("RecordReading")]
    Task<CommandResult> RecordReading(PlantReading command);

    [Alias("ChangeStatus")]
    Task<CommandResult> ChangeStatus(PlantStatusChange command);
}
