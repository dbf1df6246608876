namespace Twin.Contracts.Commands;

/// <summary>Construction progress of a standard building: floors built and stage.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.cmd.building-progress")]
public sealed record BuildingProgress(
    [property: Id(0)] int FloorsBuilt,
    [property: Id(1)] ConstructionStage Stage,
    [property: Id(2)] long? ExpectedVersion = null);

/// <summary>An enterprise's lifecycle step.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.cmd.enterprise-status")]
public sealed record EnterpriseStatusChange(
    [property: Id(0)] EnterpriseStatus Status,
    [property: Id(1)] long? ExpectedVersion = null);

/// <summary>An enterprise's figures for one month (a second report of a month replaces the first).</summary>
[GenerateSerializer, Immutable]
[Alias("twin.cmd.enterprise-figures")]
public sealed record EnterpriseFiguresReport(
    [property: Id(0)] MonthlyFigures Figures,
    [property: Id(1)] long? ExpectedVersion = null);

/// <summary>
/// A plant's effluent reading. Readings are write-behind: acknowledged once applied and
/// published, stored within the flush interval; <see cref="Durable"/> waits for the write.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("twin.cmd.plant-reading")]
public sealed record PlantReading(
    [property: Id(0)] EffluentReading Reading,
    [property: Id(1)] long? ExpectedVersion = null,
    [property: Id(2)] bool Durable = false);

/// <summary>A plant's status.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.cmd.plant-status")]
public sealed record PlantStatusChange(
    [property: Id(0)] PlantStatus Status,
    [property: Id(1)] bool? Accepted = null,
    [property: Id(2)] long? ExpectedVersion = null);

/// <summary>A road or pipe segment's status.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.cmd.network-status")]
public sealed record NetworkStatusChange(
    [property: Id(0)] NetworkStatus Status,
    [property: Id(1)] long? ExpectedVersion = null);

/// <summary>
/// A monitoring station's reading. Readings are write-behind: acknowledged once applied and
/// published, stored within the flush interval; <see cref="Durable"/> waits for the write.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("twin.cmd.station-reading")]
public sealed record StationReadingReport(
    [property: Id(0)] StationReading Reading,
    [property: Id(1)] long? ExpectedVersion = null,
    [property: Id(2)] bool Durable = false);
