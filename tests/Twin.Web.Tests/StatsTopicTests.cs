using Microsoft.AspNetCore.SignalR.Client;

namespace Twin.Web.Tests;

/// <summary>
/// The <c>stats</c> topic: the first subscriber on a fresh host, after the figures of one zone were
/// already refreshed alone, still gets the park's and every zone's figures; later, a zone's figures
/// are sent again only when they changed.
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

    [Fact]
    public async Task Changes_that_leave_a_zones_figures_as_they_were_send_no_figures_and_a_figure_change_still_does()
    {
        var client = fixture.Client;
        var buildings = await client.Features("?kind=building");
        var station = (await client.Features("?kind=station")).First(s => s["properties"]!["zoneId"] is not null
            && buildings.Any(b => b.Prop("zoneId") == s.Prop("zoneId") && b.Prop("stage") is "Planned" or "Piling"));
        var zoneId = station.Prop("zoneId");
        var building = buildings.First(b => b.Prop("zoneId") == zoneId && b.Prop("stage") is "Planned" or "Piling");

        await using var connection = fixture.Host.HubConnection();
        var feed = new FeedListener(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "stats");
        await feed.WaitForItem(i => i["id"]!.GetValue<string>() == $"stats:{zoneId}");
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // anything refreshed before this test has been sent
        var zoneSeen = LatestVersion(feed, $"stats:{zoneId}");
        var parkSeen = LatestVersion(feed, "stats:park");

        for (var i = 0; i < 3; i++)
        {
            var (status, _) = await client.Post($"/api/stations/{station.Id()}/readings",
                $$$"""{"at": "{{{DateTimeOffset.UtcNow.AddSeconds(i - 5):O}}}", "values": {"pm25": {{{30 + i}}}}}""");
            Assert.Equal(HttpStatusCode.OK, status);
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // three of the bridge's 500 ms ticks
        Assert.Equal(zoneSeen, LatestVersion(feed, $"stats:{zoneId}"));
        Assert.Equal(parkSeen, LatestVersion(feed, "stats:park"));

        var next = building.Prop("stage") == "Planned" ? "Piling" : "Foundation";
        Assert.Equal(HttpStatusCode.OK, (await client.Post($"/api/buildings/{building.Id()}/progress", $$"""{"floorsBuilt": 0, "stage": "{{next}}"}""")).Status);
        var zone = await feed.WaitForItem(i => i["id"]!.GetValue<string>() == $"stats:{zoneId}" && i["version"]!.GetValue<long>() > zoneSeen);
        var fresh = await client.GetJson($"/api/stats/{zoneId}");
        Assert.Equal(fresh["buildings"]!.ToJsonString(), zone["changed"]!["buildings"]!.ToJsonString());
    }

    private static long LatestVersion(FeedListener feed, string id) =>
        feed.Items.Where(i => i["id"]!.GetValue<string>() == id).Max(i => i["version"]!.GetValue<long>());
}
