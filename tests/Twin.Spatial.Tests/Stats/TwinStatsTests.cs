using Twin.Contracts.Model;
using Twin.Contracts.Stats;

namespace Twin.Spatial.Tests.Stats;

public sealed class TwinStatsTests
{
    private static readonly TwinState[] OneOfEachKind =
    [
        Twins.Enterprise(),
        Twins.Building(),
        Twins.Plant(),
        Twins.Road(),
        Twins.Station(),
        Twins.Facility(),
    ];

    [Fact]
    public void Adding_then_removing_every_kind_of_contribution_leaves_empty_stats()
    {
        var stats = new TwinStats();
        foreach (var twin in OneOfEachKind)
        {
            stats.Accumulate(Contribution.Of(twin), 1);
        }

        Assert.NotEqual(Twins.Json(new TwinStats()), Twins.Json(stats));

        foreach (var twin in OneOfEachKind)
        {
            stats.Accumulate(Contribution.Of(twin), -1);
        }

        Assert.Equal(Twins.Json(new TwinStats()), Twins.Json(stats));
    }

    [Fact]
    public void Removing_one_of_two_contributions_leaves_exactly_the_other()
    {
        var stats = new TwinStats();
        stats.Accumulate(Contribution.Of(Twins.Enterprise()), 1);
        stats.Accumulate(Contribution.Of(Twins.Building()), 1);

        stats.Accumulate(Contribution.Of(Twins.Enterprise()), -1);

        Assert.Equal(Twins.Json(Contribution.Of(Twins.Building())), Twins.Json(stats));
    }

    [Fact]
    public void Adding_two_enterprises_sums_their_counts_and_their_months()
    {
        var stats = new TwinStats();
        stats.Accumulate(Contribution.Of(Twins.Enterprise()), 1);
        stats.Accumulate(Contribution.Of(Twins.Enterprise()), 1);

        Assert.Equal(2, stats.Count(EnterpriseStatus.InProduction));
        Assert.Equal(2, stats.AboveDesignatedSize);
        Assert.Equal(new MonthTotals(2_401.00m, 120.06m, 0), stats.Monthly["2026-01"]);
        Assert.Equal(new MonthTotals(1_800m, 90m, 25m), stats.Monthly["2026-02"]);
    }

    [Fact]
    public void Clone_has_the_same_figures_and_does_not_change_with_the_original()
    {
        var stats = Contribution.Of(Twins.Enterprise());

        var clone = stats.Clone();
        stats.Accumulate(Contribution.Of(Twins.Plant()), 1);

        Assert.Equal(Twins.Json(Contribution.Of(Twins.Enterprise())), Twins.Json(clone));
    }

    [Fact]
    public void Settled_counts_under_construction_in_production_and_suspended_but_not_signed_or_exited()
    {
        var stats = new TwinStats();
        foreach (var status in Enum.GetValues<EnterpriseStatus>())
        {
            stats.Accumulate(Contribution.Of(Twins.Enterprise(status)), 1);
        }

        Assert.Equal(3, stats.EnterprisesSettled);
    }

    [Fact]
    public void YearToDate_sums_the_months_of_that_year_only()
    {
        var stats = Contribution.Of(Twins.Enterprise());
        stats.Monthly["2025-12"] = new MonthTotals(5_000m, 250m, 0);

        Assert.Equal(new MonthTotals(2_100.50m, 105.03m, 12.5m), stats.YearToDate(2026));
        Assert.Equal(new MonthTotals(5_000m, 250m, 0), stats.YearToDate(2025));
    }

    [Fact]
    public void Equal_count_only_contributions_have_one_key_and_different_counts_another()
    {
        var air = Contribution.Of(Twins.Station(StationType.AirQuality)).CountsOnlyKey();

        Assert.NotNull(air);
        Assert.Equal(air, Contribution.Of(Twins.Station(StationType.AirQuality)).CountsOnlyKey());
        Assert.NotEqual(air, Contribution.Of(Twins.Station(StationType.RainwaterOutlet)).CountsOnlyKey());
        Assert.NotEqual(air, Contribution.Of(Twins.Road(NetworkStatus.Completed)).CountsOnlyKey());
        Assert.NotEqual(Contribution.Of(Twins.Road(NetworkStatus.Planned)).CountsOnlyKey(), Contribution.Of(Twins.Road(NetworkStatus.Completed)).CountsOnlyKey());
        Assert.NotEqual(air, Contribution.Of(Twins.Facility()).CountsOnlyKey());
    }

    [Fact]
    public void A_contribution_with_floor_area_money_or_flow_has_no_count_only_key()
    {
        Assert.Null(Contribution.Of(Twins.Building()).CountsOnlyKey());
        Assert.Null(Contribution.Of(Twins.Enterprise()).CountsOnlyKey());
        Assert.Null(Contribution.Of(Twins.Plant()).CountsOnlyKey());
    }
}
