using BenchmarkDotNet.Attributes;
using Twin.Seed;

namespace Twin.Benchmarks;

/// <summary>
/// What figures cost per change: the member's <see cref="Contribution.Of"/>, and the zone's update
/// of its total (take the old contribution off, add the new one) as <c>ZoneGrain.Apply</c> does.
/// The zone total holds a whole park-10k zone's worth of members.
/// </summary>
[BenchmarkCategory("rollup")]
public class RollupBenchmarks
{
    private readonly TwinStats _zoneTotal = new();
    private TwinStats _buildingBefore = null!;
    private TwinStats _buildingAfter = null!;
    private TwinStats _enterpriseBefore = null!;
    private TwinStats _enterpriseAfter = null!;
    private TwinStats _plantBefore = null!;
    private TwinStats _plantAfter = null!;

    [GlobalSetup]
    public void Setup()
    {
        foreach (var twin in SyntheticPark.Generate(SyntheticParkOptions.Park10k).Where(t => t.ZoneId == SampleTwins.Building.ZoneId))
        {
            _zoneTotal.Accumulate(Contribution.Of(twin), 1);
        }

        _buildingBefore = Contribution.Of(SampleTwins.Building);
        _buildingAfter = Contribution.Of(SampleTwins.BuildingNext with { Stage = ConstructionStage.ToppedOut });
        _enterpriseBefore = Contribution.Of(SampleTwins.Enterprise);
        _enterpriseAfter = Contribution.Of(SampleTwins.EnterpriseNext);
        _plantBefore = Contribution.Of(SampleTwins.Plant);
        _plantAfter = Contribution.Of(SampleTwins.PlantNext);
    }

    [Benchmark(Description = "Contribution.Of(building)")]
    public TwinStats OfBuilding() => Contribution.Of(SampleTwins.Building);

    [Benchmark(Description = "Contribution.Of(enterprise, 10 months)")]
    public TwinStats OfEnterprise() => Contribution.Of(SampleTwins.Enterprise);

    [Benchmark(Description = "Contribution.Of(plant)")]
    public TwinStats OfPlant() => Contribution.Of(SampleTwins.Plant);

    [Benchmark(Description = "Zone total −old +new (building)")]
    public TwinStats ZoneApplyBuilding() => Swap(_buildingBefore, _buildingAfter);

    [Benchmark(Description = "Zone total −old +new (enterprise)")]
    public TwinStats ZoneApplyEnterprise() => Swap(_enterpriseBefore, _enterpriseAfter);

    [Benchmark(Description = "Zone total −old +new (plant)")]
    public TwinStats ZoneApplyPlant() => Swap(_plantBefore, _plantAfter);

    /// <summary>One change, then its reverse, so the total stays the same across iterations.</summary>
    private TwinStats Swap(TwinStats before, TwinStats after)
    {
        _zoneTotal.Accumulate(before, -1);
        _zoneTotal.Accumulate(after, 1);
        _zoneTotal.Accumulate(after, -1);
        _zoneTotal.Accumulate(before, 1);
        return _zoneTotal;
    }
}
