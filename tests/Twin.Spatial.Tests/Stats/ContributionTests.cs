using Twin.Contracts.Model;
using Twin.Contracts.Stats;

namespace Twin.Spatial.Tests.Stats;

public sealed class ContributionTests
{
    [Fact]
    public void An_enterprise_in_production_counts_its_status_its_size_and_its_non_zero_months()
    {
        var stats = Contribution.Of(Twins.Enterprise());

        Assert.Equal(1, stats.Count(EnterpriseStatus.InProduction));
        Assert.Single(stats.EnterprisesByStatus);
        Assert.Equal(1, stats.AboveDesignatedSize);
        Assert.Equal(["2026-01", "2026-02"], stats.Monthly.Keys);
        Assert.Equal(new MonthTotals(1_200.50m, 60.03m, 0), stats.Monthly["2026-01"]);
        Assert.Equal(new MonthTotals(900m, 45m, 12.5m), stats.Monthly["2026-02"]);
    }

    [Fact]
    public void An_exited_enterprise_above_size_no_longer_counts_as_above_size()
    {
        var stats = Contribution.Of(Twins.Enterprise(EnterpriseStatus.Exited));

        Assert.Equal(1, stats.Count(EnterpriseStatus.Exited));
        Assert.Equal(0, stats.AboveDesignatedSize);
    }

    [Fact]
    public void An_enterprise_below_size_does_not_count_as_above_size()
    {
        Assert.Equal(0, Contribution.Of(Twins.Enterprise(aboveSize: false)).AboveDesignatedSize);
    }

    [Fact]
    public void An_enterprise_that_reports_a_month_twice_adds_both_into_that_month()
    {
        var enterprise = Twins.Enterprise() with
        {
            Figures =
            [
                new MonthlyFigures { Month = "2026-04", Revenue = 100m, Tax = 5m },
                new MonthlyFigures { Month = "2026-04", Revenue = 50m, Tax = 2m, Exports = 1m },
            ],
        };

        Assert.Equal(new MonthTotals(150m, 7m, 1m), Assert.Single(Contribution.Of(enterprise).Monthly).Value);
    }

    [Fact]
    public void A_vacant_completed_building_counts_its_stage_completed_and_planned_area_and_vacancy()
    {
        var stats = Contribution.Of(Twins.Building());

        Assert.Equal(1, stats.Count(ConstructionStage.Completed));
        Assert.Equal(9_000m, stats.CompletedFloorArea[BuildingUse.Service]);
        Assert.Equal(9_000m, stats.PlannedFloorArea[BuildingUse.Service]);
        Assert.Equal(1, stats.VacantCompletedBuildings);
    }

    [Fact]
    public void A_let_completed_building_is_not_vacant()
    {
        Assert.Equal(0, Contribution.Of(Twins.Building(tenantId: "enterprise:test-pharma")).VacantCompletedBuildings);
    }

    [Fact]
    public void A_topped_out_building_counts_its_planned_area_but_no_completed_area_or_vacancy()
    {
        var stats = Contribution.Of(Twins.Building(ConstructionStage.ToppedOut));

        Assert.Equal(1, stats.Count(ConstructionStage.ToppedOut));
        Assert.Equal(9_000m, stats.PlannedFloorArea[BuildingUse.Service]);
        Assert.Empty(stats.CompletedFloorArea);
        Assert.Equal(0, stats.VacantCompletedBuildings);
    }

    [Fact]
    public void An_operating_plant_counts_its_status_capacity_inflow_and_compliance()
    {
        var stats = Contribution.Of(Twins.Plant());

        Assert.Equal(1, stats.PlantsByStatus[PlantStatus.Operating]);
        Assert.Equal(10_000m, stats.PlantCapacity);
        Assert.Equal(6_400m, stats.PlantInflow);
        Assert.Equal(1, stats.PlantsCompliant);
    }

    [Fact]
    public void An_operating_plant_over_its_cod_limit_is_not_compliant()
    {
        Assert.Equal(0, Contribution.Of(Twins.Plant(cod: 51)).PlantsCompliant);
    }

    [Theory]
    [InlineData(PlantStatus.Upgrading)]
    [InlineData(PlantStatus.ExpansionApproved)]
    public void A_plant_being_upgraded_or_awaiting_expansion_still_counts_its_capacity(PlantStatus status)
    {
        Assert.Equal(10_000m, Contribution.Of(Twins.Plant(status)).PlantCapacity);
    }

    [Theory]
    [InlineData(PlantStatus.UnderConstruction)]
    [InlineData(PlantStatus.Planned)]
    public void A_plant_not_yet_running_counts_only_its_status(PlantStatus status)
    {
        var stats = Contribution.Of(Twins.Plant(status));

        Assert.Equal(1, stats.PlantsByStatus[status]);
        Assert.Equal(0m, stats.PlantCapacity);
        Assert.Equal(0m, stats.PlantInflow);
        Assert.Equal(0, stats.PlantsCompliant);
    }

    [Fact]
    public void A_network_segment_counts_its_status()
    {
        var stats = Contribution.Of(Twins.Road(NetworkStatus.Accepted));

        Assert.Equal(1, Assert.Single(stats.NetworkByStatus, p => p.Key == NetworkStatus.Accepted).Value);
        Assert.Single(stats.NetworkByStatus);
    }

    [Fact]
    public void A_station_counts_its_type()
    {
        var stats = Contribution.Of(Twins.Station(StationType.RainwaterOutlet));

        Assert.Equal(1, Assert.Single(stats.StationsByType, p => p.Key == StationType.RainwaterOutlet).Value);
        Assert.Single(stats.StationsByType);
    }

    [Fact]
    public void A_facility_counts_as_one_facility()
    {
        var stats = Contribution.Of(Twins.Facility());

        Assert.Equal(1, stats.Facilities);
        Assert.Equal(Twins.Json(new TwinStats { Facilities = 1 }), Twins.Json(stats));
    }

    [Fact]
    public void A_zone_or_the_park_contributes_nothing()
    {
        var zone = new ZoneState { Id = "zone:test", Name = "测试园区", SubPark = "测试园区" };
        var park = new ParkState { Id = TwinIds.Park, Name = "测试工业园区" };

        Assert.Equal(Twins.Json(new TwinStats()), Twins.Json(Contribution.Of(zone)));
        Assert.Equal(Twins.Json(new TwinStats()), Twins.Json(Contribution.Of(park)));
    }
}
