namespace Twin.Contracts.Model;

/// <summary>A sub-park or an area of one, with its boundary polygon.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.zone-state")]
public sealed record ZoneState : TwinState
{
    /// <summary>The sub-park's Chinese name, e.g. 药都科技产业园.</summary>
    [Id(0)]
    public required string SubPark { get; init; }

    /// <summary>The area within the sub-park, e.g. 医药区; <c>null</c> when the sub-park is one zone.</summary>
    [Id(1)]
    public string? Area { get; init; }

    [Id(2)]
    public ZoneIndustry Industry { get; init; }

    /// <summary>One of the "新三园" (the three new parks).</summary>
    [Id(3)]
    public bool NewThreeParks { get; init; }

    [Id(4)]
    public IReadOnlyList<int> Phases { get; init; } = [];

    [Id(5)]
    public string? Notes { get; init; }

    protected override TwinKind KindCore => TwinKind.Zone;
}
