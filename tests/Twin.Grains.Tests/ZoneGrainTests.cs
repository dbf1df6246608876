using Twin.Spatial;

namespace Twin.Grains.Tests;

/// <summary>
/// A zone's figures with members whose contributions are equal: the zone keeps one object for them
/// (thousands of stations contribute one of a few), and each member still counts once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ZoneGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task Members_with_equal_contributions_each_count_and_a_change_of_one_moves_only_its_own()
    {
        var zone = await TestTwins.Zone(_grains);
        var roads = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var road = new NetworkSegmentState
            {
                Id = TestTwins.Unique("network"),
                Name = $"{i + 1}号路",
                ZoneId = zone.Id,
                Network = NetworkType.Road,
                Status = NetworkStatus.Planned,
                Geometry = TwinGeometry.Point(115.5012 + (i * 0.0001), 27.9011),
            };
            Assert.True((await _grains.GetTwin(road.Id)!.Create(road)).IsAccepted);
            roads.Add(road.Id);
        }

        var zoneGrain = _grains.GetGrain<IZoneGrain>(zone.Id);
        await zoneGrain.AddMembers(roads);
        await AssertRoads(zoneGrain, planned: 3, designed: 0, underConstruction: 0);

        Assert.True((await _grains.GetGrain<INetworkSegmentGrain>(roads[0]).ChangeStatus(new NetworkStatusChange(NetworkStatus.Designed))).IsAccepted);
        await AssertRoads(zoneGrain, planned: 2, designed: 1, underConstruction: 0);

        Assert.True((await _grains.GetGrain<INetworkSegmentGrain>(roads[1]).ChangeStatus(new NetworkStatusChange(NetworkStatus.Designed))).IsAccepted);
        Assert.True((await _grains.GetGrain<INetworkSegmentGrain>(roads[0]).ChangeStatus(new NetworkStatusChange(NetworkStatus.UnderConstruction))).IsAccepted);
        await AssertRoads(zoneGrain, planned: 1, designed: 1, underConstruction: 1);
    }

    private static async Task AssertRoads(IZoneGrain zone, int planned, int designed, int underConstruction)
    {
        var stats = (await zone.GetStats())!.Stats;
        Assert.Equal(planned, stats.NetworkByStatus.GetValueOrDefault(NetworkStatus.Planned));
        Assert.Equal(designed, stats.NetworkByStatus.GetValueOrDefault(NetworkStatus.Designed));
        Assert.Equal(underConstruction, stats.NetworkByStatus.GetValueOrDefault(NetworkStatus.UnderConstruction));
    }
}
