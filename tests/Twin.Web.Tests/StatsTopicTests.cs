using Microsoft.AspNetCore.SignalR.Client;

namespace Twin.Web.Tests;

/// <summary>
/// The first subscriber to <c>stats</c> on a fresh host, after the figures of one zone were
/// already refreshed alone, still gets the park's and every zone's figures.
/// </summary>
public sealed class StatsTopicTests(TwinApiFixture fixture) : IClassFixture<TwinApiFixture>
{
    [Fact]
    public async Task A_late_stats_subscriber_gets_the_park_and_every_zone_even_after_a_refresh_of_one_zone()
    {
        var client = fixture.Client;
        var building = (await client.Features("?kind=building&zone=zone:yaodu-tech-pharma")).First(b => b.Prop("stage") is "Planned" or "Piling");
        var next = building.Prop("stage") == "Planned" ? "Piling" : "Foundation";
        Assert.Equal(HttpStatusCode.OK, (await client.Post($"/api/buildings/{building.Id()}/progress", $$"""{"floorsBuilt": 0, "stage": "{{next}}"}""")).Status);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the stats bridge refreshes that zone alone every 500 ms

        await using var connection = fixture.Host.HubConnection();
        var feed = new FeedListener(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "stats");

        var snapshot = await feed.WaitForSnapshot("stats");
        var zones = await client.Features("?kind=zone");
        Assert.Equal(zones.Count + 1, snapshot["versions"]!.AsObject().Count);
        foreach (var zone in zones)
        {
            await feed.WaitForItem(i => i["id"]!.GetValue<string>() == $"stats:{zone.Id()}");
        }
    }
}
