namespace Twin.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PlantGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task A_reading_over_a_permit_limit_makes_the_plant_non_compliant_and_counts_in_its_zone()
    {
        var (zone, plant) = await CreatePlant();
        var grain = _grains.GetGrain<IPlantGrain>(plant.Id);

        var result = await grain.RecordReading(new PlantReading(Reading(DateTimeOffset.UtcNow.AddMinutes(-1), cod: 80)));

        Assert.True(result.IsAccepted);
        var state = (PlantState)result.State!;
        Assert.False(state.Compliant);
        Assert.Equal(["cod"], state.Limits.Exceeded(state.Latest!));
        var stats = (await _grains.GetGrain<IZoneGrain>(zone.Id).GetStats())!.Stats;
        Assert.Equal(0, stats.PlantsCompliant);
        Assert.Equal(7_000m, stats.PlantInflow);
    }

    [Fact]
    public async Task A_reading_older_than_the_latest_is_a_conflict()
    {
        var (_, plant) = await CreatePlant();
        var grain = _grains.GetGrain<IPlantGrain>(plant.Id);
        var now = DateTimeOffset.UtcNow;
        await grain.RecordReading(new PlantReading(Reading(now.AddMinutes(-1))));

        var result = await grain.RecordReading(new PlantReading(Reading(now.AddMinutes(-2))));

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal("at", result.Field);
    }

    [Fact]
    public async Task The_plant_keeps_a_bounded_window_of_recent_readings()
    {
        var (_, plant) = await CreatePlant();
        var grain = _grains.GetGrain<IPlantGrain>(plant.Id);
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        for (var i = 0; i < PlantState.RecentReadings + 5; i++)
        {
            Assert.True((await grain.RecordReading(new PlantReading(Reading(start.AddMinutes(i))))).IsAccepted);
        }

        var state = (PlantState)(await grain.GetState())!;
        Assert.Equal(PlantState.RecentReadings, state.Recent.Count);
        Assert.Equal(state.Latest, state.Recent[^1]);
    }

    [Fact]
    public async Task A_road_only_moves_forward()
    {
        var zone = await TestTwins.Zone(_grains);
        var road = new NetworkSegmentState
        {
            Id = TestTwins.Unique("network"),
            Name = "新望路",
            ZoneId = zone.Id,
            Network = NetworkType.Road,
            Status = NetworkStatus.UnderConstruction,
            Geometry = Twin.Spatial.TwinGeometry.Factory.CreateLineString([new(115.501, 27.901), new(115.505, 27.901)]),
        };
        await _grains.GetTwin(road.Id)!.Create(road);
        var grain = _grains.GetGrain<INetworkSegmentGrain>(road.Id);

        Assert.Equal(CommandOutcome.Conflict, (await grain.ChangeStatus(new NetworkStatusChange(NetworkStatus.Designed))).Outcome);
        Assert.True((await grain.ChangeStatus(new NetworkStatusChange(NetworkStatus.Completed))).IsAccepted);
        Assert.Equal(NetworkStatus.Completed, ((NetworkSegmentState)(await grain.GetState())!).Status);
    }

    private async Task<(ZoneState Zone, PlantState Plant)> CreatePlant()
    {
        var zone = await TestTwins.Zone(_grains);
        var plant = new PlantState
        {
            Id = TestTwins.Unique("plant"),
            Name = "测试污水处理厂",
            ZoneId = zone.Id,
            ZonesServed = [zone.Id],
            Capacity = 10_000,
            Status = PlantStatus.Operating,
            Geometry = Twin.Spatial.TwinGeometry.Box(115.502, 27.902, 115.503, 27.903),
        };
        var created = (PlantState)(await _grains.GetTwin(plant.Id)!.Create(plant)).State!;
        await _grains.GetGrain<IZoneGrain>(zone.Id).AddMembers([created.Id]);
        return (zone, created);
    }

    private static EffluentReading Reading(DateTimeOffset at, double cod = 30) =>
        new() { At = at, Inflow = 7_000, Cod = cod, Ammonia = 2, TotalPhosphorus = 0.3, Ph = 7.2 };
}
