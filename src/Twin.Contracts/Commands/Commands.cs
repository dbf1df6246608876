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

/// <summary>Lets a vacant building to one tenant, or floor by floor to several when it allows a split.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.cmd.building-letting")]
public sealed record BuildingLetting(
    [property: Id(0)] IReadOnlyList<string> TenantIds,
    [property: Id(1)] long? ExpectedVersion = null);

/// <summary>Ends the letting of a building to these tenants (used to undo a letting).</summary>
[GenerateSerializer, Immutable]
[Alias("twin.cmd.building-vacating")]
public sealed record BuildingVacating(
    [property: Id(0)] IReadOnlyList<string> TenantIds,
    [property: Id(1)] long? ExpectedVersion = null);

/// <summary>An enterprise moves into standard buildings; <paramref name="Location"/> becomes its point when given.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.cmd.enterprise-move-in")]
public sealed record EnterpriseMoveIn(
    [property: Id(0)] IReadOnlyList<string> BuildingIds,
    [property: Id(1)] NetTopologySuite.Geometries.Geometry? Location,
    [property: Id(2)] long? ExpectedVersion = null);

/// <summary>An enterprise leaves standard buildings (used to undo a move-in); <paramref name="Location"/> becomes its geometry when given.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.cmd.enterprise-move-out")]
public sealed record EnterpriseMoveOut(
    [property: Id(0)] IReadOnlyList<string> BuildingIds,
    [property: Id(1)] NetTopologySuite.Geometries.Geometry? Location,
    [property: Id(2)] long? ExpectedVersion = null);
