namespace Twin.Grains.Twins;

/// <summary>A road, pipe or drainage segment moving from design to acceptance (路网, 管网).</summary>
public sealed class NetworkSegmentGrain(
    [PersistentState("twin", TwinStorage.Twins)] IPersistentState<NetworkSegmentState> state)
    : TwinGrain<NetworkSegmentState>(state), INetworkSegmentGrain
{
    public Task<CommandResult> ChangeStatus(NetworkStatusChange command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Commit(command.ExpectedVersion, current =>
            ValueTask.FromResult(NetworkRules.CheckTransition(current.Status, command.Status) is { } violation
                ? Refuse(violation)
                : Accept(current with { Status = command.Status })));
    }
}
