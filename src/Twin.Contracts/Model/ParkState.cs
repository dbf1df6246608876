namespace Twin.Contracts.Model;

/// <summary>The management committee's park: its zones, report year and next year's targets.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.park-state")]
public sealed record ParkState : TwinState
{
    [Id(0)]
    public int ReportYear { get; init; }

    [Id(1)]
    public ParkTargets Targets { get; init; } = new();

    /// <summary>The zones, in the order the report lists them.</summary>
    [Id(2)]
    public IReadOnlyList<string> ZoneIds { get; init; } = [];

    /// <summary>True when the geometry and figures are invented (the seed park).</summary>
    [Id(3)]
    public bool Invented { get; init; }

    [Id(4)]
    public string? Note { get; init; }

    protected override TwinKind KindCore => TwinKind.Park;
}

/// <summary>Next year's targets (money in 万元).</summary>
[GenerateSerializer, Immutable]
[Alias("twin.park-targets")]
public sealed record ParkTargets
{
    [Id(0)]
    public decimal Revenue { get; init; }

    [Id(1)]
    public decimal Tax { get; init; }

    [Id(2)]
    public decimal Exports { get; init; }

    [Id(3)]
    public int EnterprisesSettled { get; init; }

    [Id(4)]
    public int EnterprisesInProduction { get; init; }

    [Id(5)]
    public int AboveDesignatedSize { get; init; }
}
