namespace Twin.Contracts.Model;

/// <summary>A wastewater treatment plant (污水处理厂), its permit limits and latest effluent.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.plant-state")]
public sealed record PlantState : TwinState
{
    [Id(0)]
    public IReadOnlyList<string> ZonesServed { get; init; } = [];

    /// <summary>Design capacity, t/day (1 万吨 = 10,000 t/day).</summary>
    [Id(1)]
    public decimal Capacity { get; init; }

    [Id(2)]
    public PlantStatus Status { get; init; }

    /// <summary>Accepted after completion or upgrade (验收).</summary>
    [Id(3)]
    public bool Accepted { get; init; }

    [Id(4)]
    public EffluentLimits Limits { get; init; } = new();

    [Id(5)]
    public EffluentReading? Latest { get; init; }

    /// <summary>The latest readings, oldest first, at most <see cref="RecentReadings"/>.</summary>
    [Id(6)]
    public IReadOnlyList<EffluentReading> Recent { get; init; } = [];

    public const int RecentReadings = 48;

    /// <summary>Whether the latest effluent meets every permit limit (达标排放); true with no reading.</summary>
    public bool Compliant => Latest is null || Limits.Exceeded(Latest).Count == 0;

    protected override TwinKind KindCore => TwinKind.Plant;
}
