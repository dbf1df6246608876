namespace Twin.Contracts.Stats;

/// <summary>The park's figures: the sum of its zones, the 新三园 subtotal, and the targets.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.park-stats")]
public sealed record ParkStats(
    [property: Id(0)] int ReportYear,
    [property: Id(1)] TwinStats Total,
    [property: Id(2)] TwinStats NewThreeParks,
    [property: Id(3)] IReadOnlyList<ZoneStats> Zones,
    [property: Id(4)] ParkTargets Targets);
