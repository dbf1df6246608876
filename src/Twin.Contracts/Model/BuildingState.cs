namespace Twin.Contracts.Model;

/// <summary>A standard factory building (标准厂房) and its footprint polygon.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.building-state")]
public sealed record BuildingState : TwinState
{
    /// <summary>Construction phase (一期, 二期, 三期).</summary>
    [Id(0)]
    public int Phase { get; init; }

    [Id(1)]
    public BuildingUse Use { get; init; }

    [Id(2)]
    public int FloorsPlanned { get; init; }

    [Id(3)]
    public int FloorsBuilt { get; init; }

    [Id(4)]
    public ConstructionStage Stage { get; init; }

    /// <summary>Floor area of all floors, m².</summary>
    [Id(5)]
    public decimal FloorArea { get; init; }

    /// <summary>The tenant; when the building is let floor by floor to several, the first of them.</summary>
    [Id(6)]
    public string? TenantId { get; init; }

    /// <summary>Whether the building may be let floor by floor to several tenants.</summary>
    [Id(7)]
    public bool AllowsSplit { get; init; }

    [Id(8)]
    public DateOnly? ExpectedCompletion { get; init; }

    /// <summary>The other tenants of a building let floor by floor (<see cref="AllowsSplit"/>), beside <see cref="TenantId"/>.</summary>
    [Id(9)]
    public IReadOnlyList<string> CoTenantIds { get; init; } = [];

    /// <summary>Every tenant: <see cref="TenantId"/> then <see cref="CoTenantIds"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> Tenants => TenantId is null ? CoTenantIds : CoTenantIds.Prepend(TenantId);

    protected override TwinKind KindCore => TwinKind.Building;
}
