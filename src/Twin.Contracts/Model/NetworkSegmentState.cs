namespace Twin.Contracts.Model;

/// <summary>A road, pipe or drainage segment and its line geometry.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.network-state")]
public sealed record NetworkSegmentState : TwinState
{
    [Id(0)]
    public int Phase { get; init; }

    [Id(1)]
    public NetworkType Network { get; init; }

    [Id(2)]
    public NetworkStatus Status { get; init; }

    protected override TwinKind KindCore => TwinKind.Network;
}
