namespace Twin.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EnterpriseGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task An_enterprise_cannot_start_production_in_a_building_that_is_not_completed()
    {
        var zone = await TestTwins.Zone(_grains);
        var enterpriseId = TestTwins.Unique("enterprise");
        var building = await TestTwins.Building(_grains, zone.Id, ConstructionStage.ToppedOut, tenantId: enterpriseId);
        var enterprise = await CreateEnterprise(zone.Id, enterpriseId, EnterpriseStatus.UnderConstruction, building.Id);
        var grain = _grains.GetGrain<IEnterpriseGrain>(enterprise.Id);

        var refused = await grain.ChangeStatus(new EnterpriseStatusChange(EnterpriseStatus.InProduction));
        Assert.Equal(CommandOutcome.Conflict, refused.Outcome);
        Assert.Contains(building.Id, refused.Error, StringComparison.Ordinal);
        TestTwins.AssertSameState(enterprise, await grain.GetState());

        await _grains.GetGrain<IBuildingGrain>(building.Id).ReportProgress(new BuildingProgress(building.FloorsPlanned, ConstructionStage.Completed));
        var accepted = await grain.ChangeStatus(new EnterpriseStatusChange(EnterpriseStatus.InProduction));
        Assert.Equal(CommandOutcome.Accepted, accepted.Outcome);
    }

    [Fact]
    public async Task An_exited_enterprise_cannot_come_back()
    {
        var zone = await TestTwins.Zone(_grains);
        var enterprise = await TestTwins.Enterprise(_grains, zone.Id, EnterpriseStatus.Signed);
        var grain = _grains.GetGrain<IEnterpriseGrain>(enterprise.Id);
        Assert.True((await grain.ChangeStatus(new EnterpriseStatusChange(EnterpriseStatus.Exited))).IsAccepted);

        var result = await grain.ChangeStatus(new EnterpriseStatusChange(EnterpriseStatus.UnderConstruction));

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal(EnterpriseStatus.Exited, ((EnterpriseState)(await grain.GetState())!).Status);
    }

    [Fact]
    public async Task A_month_reported_again_replaces_the_first_report()
    {
        var zone = await TestTwins.Zone(_grains);
        var enterprise = await TestTwins.Enterprise(_grains, zone.Id, EnterpriseStatus.InProduction);
        var grain = _grains.GetGrain<IEnterpriseGrain>(enterprise.Id);

        await grain.ReportFigures(new EnterpriseFiguresReport(new MonthlyFigures { Month = "2026-03", Revenue = 100, Tax = 5 }));
        await grain.ReportFigures(new EnterpriseFiguresReport(new MonthlyFigures { Month = "2026-01", Revenue = 80, Tax = 4 }));
        await grain.ReportFigures(new EnterpriseFiguresReport(new MonthlyFigures { Month = "2026-03", Revenue = 120, Tax = 6 }));

        var state = (EnterpriseState)(await grain.GetState())!;
        Assert.Equal(["2026-01", "2026-03"], state.Figures.Select(f => f.Month));
        Assert.Equal(120, state.Figures[1].Revenue);
    }

    [Fact]
    public async Task Figures_for_a_malformed_month_are_invalid()
    {
        var zone = await TestTwins.Zone(_grains);
        var enterprise = await TestTwins.Enterprise(_grains, zone.Id, EnterpriseStatus.InProduction);

        var result = await _grains.GetGrain<IEnterpriseGrain>(enterprise.Id)
            .ReportFigures(new EnterpriseFiguresReport(new MonthlyFigures { Month = "2026-13", Revenue = 1 }));

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal("month", result.Field);
    }

    private async Task<EnterpriseState> CreateEnterprise(string zoneId, string id, EnterpriseStatus status, string buildingId)
    {
        var state = new EnterpriseState
        {
            Id = id,
            Name = "测试企业",
            ZoneId = zoneId,
            Status = status,
            BuildingIds = [buildingId],
            Geometry = Twin.Spatial.TwinGeometry.Point(115.5012, 27.9011),
        };
        return (EnterpriseState)(await _grains.GetTwin(id)!.Create(state)).State!;
    }
}
