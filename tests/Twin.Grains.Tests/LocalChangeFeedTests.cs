using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Twin.Grains.Tests;

/// <summary>
/// Each silo hands the changes of the twins it hosts to its own consumers in process
/// (<see cref="ILocalChangeFeed"/>) and, the cluster having another silo, puts them on the change
/// stream stamped with its origin.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LocalChangeFeedTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Each_change_reaches_the_local_feed_of_the_silo_hosting_the_twin_once_in_order_and_the_stream_with_that_silo_as_origin()
    {
        var feeds = fixture.Cluster.Silos.Cast<InProcessSiloHandle>()
            .Select(s => s.SiloHost.Services.GetRequiredService<ILocalChangeFeed>()).ToList();
        Assert.Equal(2, feeds.Select(f => f.Origin).Distinct().Count());
        var local = feeds.ToDictionary(f => f.Origin, _ => new ConcurrentQueue<ChangeItem>());
        var handlers = feeds.Select(f => (Feed: f, Handler: (Action<ChangeItem>)local[f.Origin].Enqueue)).ToList();
        handlers.ForEach(h => h.Feed.Committed += h.Handler);
        try
        {
            await using var stream = await ChangeStreamRecorder.StartAsync(fixture.Client);
            var streamed = stream.Items;
            var zone = await TestTwins.Zone(fixture.Client);
            var buildings = await TestTwins.RiseThreeFloors(fixture.Client, zone.Id, count: 24);

            // The local feeds had every change before the commands were answered; the stream may still be on its way.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (buildings.Any(b => !streamed.Any(i => i.Id == b.Id && i.Version == b.Version + 3)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            foreach (var building in buildings)
            {
                var expected = new[] { building.Version + 1, building.Version + 2, building.Version + 3 };
                var at = local.Where(l => l.Value.Any(i => i.Id == building.Id)).ToList();
                var origin = Assert.Single(at).Key;
                Assert.Equal(expected, at[0].Value.Where(i => i.Id == building.Id && i.Version > building.Version).Select(i => i.Version));
                Assert.All(at[0].Value.Where(i => i.Id == building.Id), i => Assert.Null(i.Origin));
                var onStream = streamed.Where(i => i.Id == building.Id && i.Version > building.Version).ToList();
                Assert.Equal(expected, onStream.Select(i => i.Version));
                Assert.All(onStream, i => Assert.Equal(origin, i.Origin));
            }
        }
        finally
        {
            handlers.ForEach(h => h.Feed.Committed -= h.Handler);
        }
    }
}
