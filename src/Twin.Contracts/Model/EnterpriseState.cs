namespace Twin.Contracts.Model;

/// <summary>An enterprise, its lifecycle and monthly figures; geometry is its own plot or a point in its building.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.enterprise-state")]
public sealed record EnterpriseState : TwinState
{
    [Id(0)]
    public Industry Industry { get; init; }

    [Id(1)]
    public EnterpriseStatus Status { get; init; }

    /// <summary>Above designated size (规上).</summary>
    [Id(2)]
    public bool AboveDesignatedSize { get; init; }

    /// <summary>Standard buildings occupied; empty for an enterprise on its own plot.</summary>
    [Id(3)]
    public IReadOnlyList<string> BuildingIds { get; init; } = [];

    /// <summary>Wastewater discharge, t/day.</summary>
    [Id(4)]
    public decimal Discharge { get; init; }

    /// <summary>0 (none) to 3 (major hazard installation).</summary>
    [Id(5)]
    public int HazardClass { get; init; }

    /// <summary>Monthly figures, one per month, in month order.</summary>
    [Id(6)]
    public IReadOnlyList<MonthlyFigures> Figures { get; init; } = [];

    protected override TwinKind KindCore => TwinKind.Enterprise;
}

/// <summary>One month's figures (万元): 主营业务收入, 上交税金, 出口.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.monthly-figures")]
public sealed record MonthlyFigures
{
    /// <summary>The month, <c>YYYY-MM</c>.</summary>
    [Id(0)]
    public required string Month { get; init; }

    [Id(1)]
    public decimal Revenue { get; init; }

    [Id(2)]
    public decimal Tax { get; init; }

    [Id(3)]
    public decimal Exports { get; init; }
}
