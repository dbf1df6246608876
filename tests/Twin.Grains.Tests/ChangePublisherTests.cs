namespace Twin.Grains.Tests;

/// <summary>
/// The way changes leave the grains: grain references made by <see cref="TwinGrainFactory.Get{T}"/>,
/// and each silo's <c>ChangePublisher</c>, which sends a partition's pending changes as one stream batch.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChangePublisherTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Get_makes_the_reference_GetGrain_makes_for_each_interface_and_it_reaches_the_twin()
    {
        var zone = await TestTwins.Zone(fixture.Client);
        var building = await TestTwins.Building(fixture.Client, zone.Id, ConstructionStage.Structure);

        var buildingGrain = fixture.Client.Get<IBuildingGrain>(building.Id);
        var zoneGrain = fixture.Client.Get<IZoneGrain>(zone.Id);

        Assert.Equal(fixture.Client.GetGrain<IBuildingGrain>(building.Id).GetGrainId(), buildingGrain.GetGrainId());
        Assert.Equal(fixture.Client.GetGrain<IZoneGrain>(zone.Id).GetGrainId(), zoneGrain.GetGrainId());
        Assert.Equal(building.Version, (await buildingGrain.GetState())!.Version);
        Assert.Equal(zone.Id, (await zoneGrain.GetState())!.Id);
        Assert.IsAssignableFrom<IBuildingGrain>(fixture.Client.GetTwin(building.Id));
    }

    [Fact]
    public async Task Changes_of_many_twins_committed_at_once_all_arrive_and_each_twins_in_order()
    {
        await using var stream = await ChangeStreamRecorder.StartAsync(fixture.Client);
        var received = stream.Items;
        var zone = await TestTwins.Zone(fixture.Client);
        var buildings = await TestTwins.RiseThreeFloors(fixture.Client, zone.Id, count: 60);

        var ids = buildings.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (received.Count(i => ids.Contains(i.Id) && ((BuildingState)i.State).FloorsBuilt == 4) < buildings.Length && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        foreach (var building in buildings)
        {
            var versions = received.Where(i => i.Id == building.Id).Select(i => i.Version).ToList();
            // Its creation (the subscription came first), then the three floors, in that order.
            Assert.Equal([building.Version, building.Version + 1, building.Version + 2, building.Version + 3], versions);
        }
    }
}
