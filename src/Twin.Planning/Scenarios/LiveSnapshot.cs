using NetTopologySuite.Geometries;

namespace Twin.Planning.Scenarios;

/// <summary>
/// The live facts a scenario is built on, as they were when it was made: the zones, the vacant
/// buildings, the occupied buildings whose tenant is hazardous, and the treatment plants.
/// Drift is this compared with the live twin now.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("planning.live-snapshot")]
public sealed record LiveSnapshot
{
    [Id(0)]
    public DateTimeOffset TakenAt { get; init; }

    /// <summary>Centre of the park's metric projection (lon, lat), so footprints project as the live twin does.</summary>
    [Id(1)]
    public double CentreLon { get; init; }

    [Id(2)]
    public double CentreLat { get; init; }

    [Id(3)]
    public IReadOnlyList<SnapshotZone> Zones { get; init; } = [];

    [Id(4)]
    public IReadOnlyList<SnapshotBuilding> VacantBuildings { get; init; } = [];

    [Id(5)]
    public IReadOnlyList<SnapshotHazard> Hazards { get; init; } = [];

    [Id(6)]
    public IReadOnlyList<SnapshotPlant> Plants { get; init; } = [];

    /// <summary>Enterprises Signed (签约) with no building yet: the candidates the twin already holds.</summary>
    [Id(7)]
    public IReadOnlyList<SnapshotEnterprise> SignedEnterprises { get; init; } = [];
}

[GenerateSerializer, Immutable]
[Alias("planning.snapshot-zone")]
public sealed record SnapshotZone(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? NameEn,
    [property: Id(3)] ZoneIndustry Industry);

[GenerateSerializer, Immutable]
[Alias("planning.snapshot-building")]
public sealed record SnapshotBuilding(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string ZoneId,
    [property: Id(3)] long Version,
    [property: Id(4)] ConstructionStage Stage,
    [property: Id(5)] decimal FloorArea,
    [property: Id(6)] int Floors,
    [property: Id(7)] bool AllowsSplit,
    [property: Id(8)] DateOnly? ExpectedCompletion,
    [property: Id(9)] Geometry Footprint);

[GenerateSerializer, Immutable]
[Alias("planning.snapshot-hazard")]
public sealed record SnapshotHazard(
    [property: Id(0)] string BuildingId,
    [property: Id(1)] string TenantId,
    [property: Id(2)] int HazardClass,
    [property: Id(3)] Geometry Footprint);

/// <param name="Load">Current inflow, t/day (the latest reading; 0 without one).</param>
[GenerateSerializer, Immutable]
[Alias("planning.snapshot-plant")]
public sealed record SnapshotPlant(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] long Version,
    [property: Id(3)] PlantStatus Status,
    [property: Id(4)] decimal Capacity,
    [property: Id(5)] decimal Load,
    [property: Id(6)] IReadOnlyList<string> ZonesServed)
{
    /// <summary>Whether the plant treats water now (Operating, Upgrading or ExpansionApproved); a plant not running offers no headroom.</summary>
    public bool Running => Status is PlantStatus.Operating or PlantStatus.Upgrading or PlantStatus.ExpansionApproved;

    /// <summary>Spare capacity, t/day: capacity minus load for a running plant, else 0.</summary>
    public decimal Headroom => Running ? Math.Max(0, Capacity - Load) : 0;
}

[GenerateSerializer, Immutable]
[Alias("planning.snapshot-enterprise")]
public sealed record SnapshotEnterprise(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] long Version,
    [property: Id(3)] Industry Industry,
    [property: Id(4)] decimal Discharge,
    [property: Id(5)] int HazardClass);
