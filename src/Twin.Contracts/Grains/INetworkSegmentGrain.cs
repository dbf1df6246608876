using Twin.Contracts.Commands;

namespace Twin.Contracts.Grains;

/// <summary>A road, pipe or drainage segment.</summary>
[Alias("twin.INetworkSegmentGrain")]
public interface INetworkSegmentGrain : ITwinGrain
{
    [Alias("ChangeStatus")]
    Task<CommandResult> ChangeStatus(NetworkStatusChange command);
}
