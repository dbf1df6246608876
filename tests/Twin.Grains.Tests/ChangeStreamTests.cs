using System.Collections.Concurrent;
using Orleans.Streams;

namespace Twin.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ChangeStreamTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_committed_change_is_published_with_its_version_time_and_changed_properties()
    {
        await using var stream = await ChangeStreamRecorder.StartAsync(fixture.Client);
        var zone = await TestTwins.Zone(fixture.Client);
        var building = await TestTwins.Building(fixture.Client, zone.Id, ConstructionStage.Structure, floorsPlanned: 5, floorsBuilt: 1);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await fixture.Client.GetGrain<IBuildingGrain>(building.Id).ReportProgress(new BuildingProgress(2, ConstructionStage.Structure));

        var item = await WaitFor(stream.Items, i => i.Id == building.Id && i.Version == building.Version + 1);
        Assert.Equal(TwinKind.Building, item.Kind);
        Assert.InRange(item.At, before - 1_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(new[] { "floorsBuilt" }, item.Changed.ToArray());
        Assert.False(item.GeometryChanged);
        Assert.Equal(2, ((BuildingState)item.State).FloorsBuilt);
    }

    [Fact]
    public async Task A_refused_command_publishes_nothing()
    {
        var received = new ConcurrentQueue<ChangeItem>();
        var zone = await TestTwins.Zone(fixture.Client);
        var building = await TestTwins.Building(fixture.Client, zone.Id, ConstructionStage.Structure, floorsPlanned: 5, floorsBuilt: 2);
        var stream = fixture.Client.GetStreamProvider(TwinStreams.Provider).GetStream<ChangeItem>(TwinStreams.ForTwin(building.Id));
        var handle = await stream.SubscribeAsync((item, _) =>
        {
            received.Enqueue(item);
            return Task.CompletedTask;
        });
        try
        {
            var grain = fixture.Client.GetGrain<IBuildingGrain>(building.Id);
            Assert.False((await grain.ReportProgress(new BuildingProgress(0, ConstructionStage.Piling))).IsAccepted);
            Assert.True((await grain.ReportProgress(new BuildingProgress(3, ConstructionStage.Structure))).IsAccepted);

            // One twin's changes arrive in order: once the accepted change is here, a refused one would have been too.
            await WaitFor(received, i => i.Id == building.Id && i.Version == building.Version + 1);
            // (The creation, version 1, may still be on its way when the subscription starts.)
            var after = received.Where(i => i.Id == building.Id && i.Version > building.Version).ToList();
            Assert.Equal(new[] { building.Version + 1 }, after.Select(i => i.Version).ToArray());
            Assert.Equal(3, ((BuildingState)after[0].State).FloorsBuilt);
        }
        finally
        {
            await handle.UnsubscribeAsync();
        }
    }

    private static async Task<ChangeItem> WaitFor(ConcurrentQueue<ChangeItem> received, Func<ChangeItem, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            if (received.FirstOrDefault(match) is { } item)
            {
                return item;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"no matching change item among {received.Count} received");
    }
}
