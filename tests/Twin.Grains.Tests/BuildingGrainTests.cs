namespace Twin.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class BuildingGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task Progress_raises_the_version_by_one_and_is_read_back()
    {
        var zone = await TestTwins.Zone(_grains);
        var building = await TestTwins.Building(_grains, zone.Id, ConstructionStage.Structure, floorsPlanned: 5, floorsBuilt: 2);
        var grain = _grains.GetGrain<IBuildingGrain>(building.Id);

        var result = await grain.ReportProgress(new BuildingProgress(3, ConstructionStage.Structure));

        Assert.Equal(CommandOutcome.Accepted, result.Outcome);
        var state = (BuildingState)(await grain.GetState())!;
        Assert.Equal(building.Version + 1, state.Version);
        Assert.Equal(3, state.FloorsBuilt);
    }

    [Fact]
    public async Task A_completed_building_cannot_go_back_to_piling_and_stays_unchanged()
    {
        var zone = await TestTwins.Zone(_grains);
        var building = await TestTwins.Building(_grains, zone.Id, ConstructionStage.Completed);
        var grain = _grains.GetGrain<IBuildingGrain>(building.Id);

        var result = await grain.ReportProgress(new BuildingProgress(0, ConstructionStage.Piling));

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal("stage", result.Field);
        TestTwins.AssertSameState(building, await grain.GetState());
    }

    [Fact]
    public async Task Floors_built_never_exceed_floors_planned()
    {
        var zone = await TestTwins.Zone(_grains);
        var building = await TestTwins.Building(_grains, zone.Id, ConstructionStage.Structure, floorsPlanned: 4, floorsBuilt: 3);
        var grain = _grains.GetGrain<IBuildingGrain>(building.Id);

        var result = await grain.ReportProgress(new BuildingProgress(5, ConstructionStage.ToppedOut));

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal("floorsBuilt", result.Field);
        TestTwins.AssertSameState(building, await grain.GetState());
    }

    [Fact]
    public async Task A_stale_expected_version_is_refused_and_changes_nothing()
    {
        var zone = await TestTwins.Zone(_grains);
        var building = await TestTwins.Building(_grains, zone.Id, ConstructionStage.Foundation);
        var grain = _grains.GetGrain<IBuildingGrain>(building.Id);

        var result = await grain.ReportProgress(new BuildingProgress(1, ConstructionStage.Structure, ExpectedVersion: building.Version + 5));

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal("expectedVersion", result.Field);
        TestTwins.AssertSameState(building, await grain.GetState());
    }

    [Fact]
    public async Task Rising_floor_by_floor_to_completion_passes_every_stage()
    {
        var zone = await TestTwins.Zone(_grains);
        var building = await TestTwins.Building(_grains, zone.Id, ConstructionStage.Planned, floorsPlanned: 3);
        var grain = _grains.GetGrain<IBuildingGrain>(building.Id);
        (int Floors, ConstructionStage Stage)[] steps =
        [
            (0, ConstructionStage.Piling), (0, ConstructionStage.Foundation), (1, ConstructionStage.Structure),
            (2, ConstructionStage.Structure), (3, ConstructionStage.ToppedOut), (3, ConstructionStage.Completed),
        ];

        foreach (var (floors, stage) in steps)
        {
            Assert.Equal(CommandOutcome.Accepted, (await grain.ReportProgress(new BuildingProgress(floors, stage))).Outcome);
        }

        var state = (BuildingState)(await grain.GetState())!;
        Assert.Equal(ConstructionStage.Completed, state.Stage);
        Assert.Equal(building.Version + steps.Length, state.Version);
    }

    [Fact]
    public async Task A_command_to_a_twin_that_does_not_exist_is_not_found()
    {
        var result = await _grains.GetGrain<IBuildingGrain>(TestTwins.Unique("building")).ReportProgress(new BuildingProgress(0, ConstructionStage.Piling));

        Assert.Equal(CommandOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task Creating_a_twin_twice_keeps_the_first()
    {
        var zone = await TestTwins.Zone(_grains);
        var building = await TestTwins.Building(_grains, zone.Id, ConstructionStage.Piling);
        await _grains.GetGrain<IBuildingGrain>(building.Id).ReportProgress(new BuildingProgress(0, ConstructionStage.Foundation));

        var again = await _grains.GetGrain<IBuildingGrain>(building.Id).Create(building with { Stage = ConstructionStage.Planned });

        Assert.Equal(ConstructionStage.Foundation, ((BuildingState)again.State!).Stage);
        Assert.Equal(building.Version + 1, again.State!.Version);
    }
}
