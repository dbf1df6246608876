using Orleans.Core.Internal;

namespace Twin.Grains.Tests;

/// <summary>
/// Readings are write-behind: acknowledged and visible at once, written coalesced to the
/// readings store (here on deactivation only: the fixture's flush timer is 10 minutes), and read
/// back on the next activation; business commands are written before they are acknowledged.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WriteBehindTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task Readings_are_acknowledged_before_they_are_written_and_a_durable_one_after()
    {
        var station = await Station();
        var grain = _grains.GetGrain<IStationGrain>(station.Id);
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);

        var behind = await grain.RecordReading(new StationReadingReport(Reading(at, 1)));

        Assert.True(behind.IsAccepted);
        Assert.False(behind.Durable);
        Assert.Equal(0, RecordingGrainStorage.Row<StationState>(station.Id).Writes);
        Assert.Equal(1, ((StationState)(await grain.GetState())!).Latest!.Values["pm25"]);

        var durable = await grain.RecordReading(new StationReadingReport(Reading(at.AddSeconds(1), 2), Durable: true));

        Assert.True(durable.Durable);
        // Written through to the twin's own row, not behind: the readings store saw nothing,
        // and nothing is left for deactivation to write.
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(200);
        Assert.Equal(0, RecordingGrainStorage.Row<StationState>(station.Id).Writes);
        var reactivated = (StationState)(await grain.GetState())!;
        Assert.Equal(durable.State!.Version, reactivated.Version);
        Assert.Equal(2, reactivated.Latest!.Values["pm25"]);
    }

    [Fact]
    public async Task Many_readings_are_one_write_on_deactivation_and_the_next_activation_has_the_latest()
    {
        var station = await Station();
        var grain = _grains.GetGrain<IStationGrain>(station.Id);
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        CommandResult last = null!;
        for (var i = 1; i <= 50; i++)
        {
            last = await grain.RecordReading(new StationReadingReport(Reading(at.AddSeconds(i), i)));
            Assert.True(last.IsAccepted);
        }

        Assert.Equal(0, RecordingGrainStorage.Row<StationState>(station.Id).Writes);

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var (writes, stored) = await WaitForWrite<StationState>(station.Id);

        Assert.Equal(1, writes);
        Assert.Equal(last.State!.Version, stored.Version);
        Assert.Equal(50, stored.Latest!.Values["pm25"]);
        var reactivated = (StationState)(await grain.GetState())!;
        Assert.Equal(last.State.Version, reactivated.Version);
        Assert.Equal(50, reactivated.Latest!.Values["pm25"]);
    }

    [Fact]
    public async Task A_business_command_is_written_before_it_is_acknowledged_with_the_readings_before_it()
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
        await _grains.GetTwin(plant.Id)!.Create(plant);
        var grain = _grains.GetGrain<IPlantGrain>(plant.Id);
        var reading = new EffluentReading { At = DateTimeOffset.UtcNow.AddMinutes(-5), Inflow = 6_500, Cod = 30, Ammonia = 2, TotalPhosphorus = 0.3, Ph = 7.2 };
        Assert.False((await grain.RecordReading(new PlantReading(reading))).Durable);

        var status = await grain.ChangeStatus(new PlantStatusChange(PlantStatus.Upgrading));

        Assert.True(status.IsAccepted);
        Assert.True(status.Durable);
        // Not through the readings store: the status change wrote the twin's own row, reading included.
        Assert.Equal(0, RecordingGrainStorage.Row<PlantState>(plant.Id).Writes);
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(200);
        var reactivated = (PlantState)(await grain.GetState())!;
        Assert.Equal(status.State!.Version, reactivated.Version);
        Assert.Equal(PlantStatus.Upgrading, reactivated.Status);
        Assert.Equal(6_500, reactivated.Latest!.Inflow);
    }

    private static async Task<(int Writes, T State)> WaitForWrite<T>(string twinId)
        where T : TwinState
    {
        for (var i = 0; i < 100; i++)
        {
            if (RecordingGrainStorage.Row<T>(twinId) is { Writes: > 0, State: { } state } row)
            {
                return (row.Writes, state);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{twinId} was not written on deactivation");
    }

    private async Task<StationState> Station()
    {
        var zone = await TestTwins.Zone(_grains);
        var station = new StationState
        {
            Id = TestTwins.Unique("station"),
            Name = "测试大气检测站",
            ZoneId = zone.Id,
            Station = StationType.AirQuality,
            Geometry = Twin.Spatial.TwinGeometry.Point(115.5012, 27.9011),
        };
        return (StationState)(await _grains.GetTwin(station.Id)!.Create(station)).State!;
    }

    private static StationReading Reading(DateTimeOffset at, double pm25) =>
        new() { At = at, Values = new Dictionary<string, double> { ["pm25"] = pm25 } };
}
