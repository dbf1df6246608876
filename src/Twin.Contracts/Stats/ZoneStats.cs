namespace Twin.Contracts.Stats;

/// <summary>A zone's figures with what it is.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.zone-stats")]
public sealed record ZoneStats(
    [property: Id(0)] string ZoneId,
    [property: Id(1)] string Name,
    [property: Id(2)] bool NewThreeParks,
    [property: Id(3)] int Members,
    [property: Id(4)] TwinStats Stats);
