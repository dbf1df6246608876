namespace Twin.Contracts.Model;

/// <summary>A public facility: the exhibition and trading centre, a service platform.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.facility-state")]
public sealed record FacilityState : TwinState
{
    [Id(0)]
    public FacilityType Facility { get; init; }

    [Id(1)]
    public PlatformType? Platform { get; init; }

    [Id(2)]
    public ConstructionStage Stage { get; init; }

    /// <summary>Floor area, m².</summary>
    [Id(3)]
    public decimal FloorArea { get; init; }

    /// <summary>Investment, 万元.</summary>
    [Id(4)]
    public decimal Investment { get; init; }

    /// <summary>Planned, not yet built or running.</summary>
    [Id(5)]
    public bool Planned { get; init; }

    protected override TwinKind KindCore => TwinKind.Facility;
}
