namespace Twin.Web.Tests;

/// <summary>The feed simulator moves the twin through the same commands as the API.</summary>
public sealed class FeedSimulatorTests : IAsyncLifetime
{
    private readonly AzuriteProcess _azurite = new();

    public Task InitializeAsync() => _azurite.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task With_the_feed_on_plants_get_readings_and_buildings_rise()
    {
        await using var host = new TwinHost(_azurite.ConnectionString, $"f{Guid.NewGuid():N}"[..20]);
        host.Settings["Twin:Feed:Enabled"] = "true";
        host.Settings["Twin:Feed:ReadingSeconds"] = "1";
        host.Settings["Twin:Feed:ConstructionSeconds"] = "1";
        var client = await host.ReadyClientAsync();
        var plants = (await client.Features("?kind=plant")).Where(p => p.Prop("status") == "Operating").ToDictionary(p => p.Id(), p => p.Version());
        var buildings = (await client.Features("?kind=building")).Sum(b => b.Version());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        bool moved;
        do
        {
            await Task.Delay(500);
            var nowPlants = (await client.Features("?kind=plant")).Where(p => plants.ContainsKey(p.Id())).ToList();
            var nowBuildings = (await client.Features("?kind=building")).Sum(b => b.Version());
            moved = nowPlants.All(p => p.Version() > plants[p.Id()]) && nowBuildings > buildings;
        }
        while (!moved && DateTime.UtcNow < deadline);

        Assert.True(moved, "the feed did not move every operating plant and some building within 30 s");
    }
}
