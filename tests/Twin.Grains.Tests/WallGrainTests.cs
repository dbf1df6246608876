using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using Orleans.Streams;
using Orleans.TestingHost;
using Twin.Contracts.Walls;

namespace Twin.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class WallGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task A_wall_nobody_set_starts_from_the_defaults()
    {
        var state = await Wall(out var id).GetState();

        Assert.Equal(id, state.WallId);
        Assert.Equal(0, state.Version);
        Assert.Null(state.FocusZoneId);
        Assert.Empty(state.HiddenLayers);
        Assert.Equal(WallColoring.Stage, state.Coloring);
        Assert.False(state.TourPaused);
        Assert.False(state.Following);
        Assert.Empty(state.Acknowledged);
    }

    [Fact]
    public async Task Every_setting_is_written_to_storage_and_comes_back_after_deactivation()
    {
        var wall = Wall(out var id);
        await wall.Focus("zone:yaodu-tech-pharma");
        await wall.SetHiddenLayers(["labels", "network", "labels"]);
        await wall.SetColoring(WallColoring.Compliance);
        await wall.ShowScenario("scenario:42");
        await wall.SetTourPaused(true);
        var ack = new AlarmKey("plant:yaodu-tech", DateTimeOffset.Parse("2026-11-27T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var last = (await wall.Acknowledge([ack])).State;

        var stored = await Stored(id);
        Assert.Equal(last.Version, stored?.Version);
        Assert.Equal(last.Acknowledged, stored?.Acknowledged);
        await Deactivate(wall);
        var reloaded = await wall.GetState();

        Assert.Equal(6, reloaded.Version);
        Assert.Equal("zone:yaodu-tech-pharma", reloaded.FocusZoneId);
        Assert.Equal(["labels", "network"], reloaded.HiddenLayers);
        Assert.Equal(WallColoring.Compliance, reloaded.Coloring);
        Assert.Equal("scenario:42", reloaded.ScenarioId);
        Assert.True(reloaded.TourPaused);
        Assert.Equal([ack], reloaded.Acknowledged);
    }

    [Fact]
    public async Task Acknowledging_an_alarm_twice_changes_nothing_and_the_list_stays_bounded()
    {
        var wall = Wall(out _);
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        var first = await wall.Acknowledge([new AlarmKey("plant:a", start)]);

        var again = await wall.Acknowledge([new AlarmKey("plant:a", start.ToOffset(TimeSpan.FromHours(8)))]);
        Assert.Equal(first.State.Version, again.State.Version);

        var many = Enumerable.Range(1, WallRules.MaxAcknowledged + 10).Select(i => new AlarmKey("plant:b", start.AddMinutes(i))).ToList();
        var bounded = (await wall.Acknowledge(many)).State;
        Assert.Equal(WallRules.MaxAcknowledged, bounded.Acknowledged.Count);
        Assert.Equal(many[^1], bounded.Acknowledged[^1]);
        Assert.DoesNotContain(new AlarmKey("plant:a", start), bounded.Acknowledged);
    }

    [Fact]
    public async Task A_refused_command_names_its_field_and_changes_nothing()
    {
        var wall = Wall(out var id);
        await wall.SetTourPaused(true);

        var badLayer = await wall.SetHiddenLayers(["buildings", "satellite"]);
        var badAlarm = await wall.Acknowledge([new AlarmKey("building:x", DateTimeOffset.UtcNow)]);
        var badCamera = await wall.Follow(new WallCamera(115.5, 27.9, 14, 0, 120));
        var badScenario = await wall.ShowScenario("no spaces allowed");

        Assert.Equal("hidden", badLayer.Field);
        Assert.Equal("plantId", badAlarm.Field);
        Assert.Equal("camera.pitch", badCamera.Field);
        Assert.Equal("scenarioId", badScenario.Field);
        Assert.Equal(1, (await wall.GetState()).Version);
        Assert.Equal(1, (await Stored(id))!.Version);
    }

    [Fact]
    public async Task Follow_me_publishes_each_camera_at_once_and_the_last_one_survives_deactivation()
    {
        var received = new ConcurrentQueue<WallState>();
        var handle = await fixture.Client.GetStreamProvider(TwinStreams.Provider).GetStream<WallState>(WallStreams.All)
            .SubscribeAsync((s, _) =>
            {
                received.Enqueue(s);
                return Task.CompletedTask;
            });
        try
        {
            var wall = Wall(out var id);
            for (var i = 0; i < 5; i++)
            {
                await wall.Follow(new WallCamera(115.50 + (i * 0.001), 27.9, 14 + (i * 0.1), 10, 50));
            }

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (received.Count(s => s.WallId == id) < 5 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.Equal([1L, 2, 3, 4, 5], received.Where(s => s.WallId == id).Select(s => s.Version));
            await Deactivate(wall);
            var reloaded = await wall.GetState();
            Assert.True(reloaded.Following);
            Assert.Equal(new WallCamera(115.504, 27.9, 14.4, 10, 50), reloaded.Camera);

            var stopped = (await wall.Focus("zone:x")).State;
            Assert.False(stopped.Following);
        }
        finally
        {
            await handle.UnsubscribeAsync();
        }
    }

    private IWallGrain Wall(out string id)
    {
        id = $"t-{Guid.NewGuid():N}"[..20];
        return _grains.GetGrain<IWallGrain>(id);
    }

    private static async Task Deactivate(IWallGrain wall)
    {
        await wall.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(300);
    }

    /// <summary>The row in the twins' storage, read through the provider, not the grain.</summary>
    private async Task<WallState?> Stored(string id)
    {
        var silo = fixture.Cluster.Primary as InProcessSiloHandle ?? throw new InvalidOperationException("the test cluster runs in process");
        var storage = silo.SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(TwinStorage.Twins);
        var state = new GrainState<WallState>();
        await storage.ReadStateAsync("wall", _grains.GetGrain<IWallGrain>(id).GetGrainId(), state);
        return state.RecordExists ? state.State : null;
    }
}
