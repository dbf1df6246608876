using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Twin.Web.Tests;

/// <summary>The live feed through the .NET SignalR client: topics, snapshots, coalescing, reconnects.</summary>
public sealed partial class HubTests(TwinApiFixture fixture) : IClassFixture<TwinApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_zone_subscriber_receives_its_zones_change_with_version_and_server_time_and_not_another_zones()
    {
        await using var connection = fixture.Host.HubConnection();
        var feed = new FeedListener(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "zone:yaodu-innov-pharma");
        await feed.WaitForSnapshot("zone:yaodu-innov-pharma");
        var mine = (await _client.Features("?kind=building&zone=zone:yaodu-innov-pharma")).First(b => b.Prop("stage") != "Completed");
        var other = (await _client.Features("?kind=building&zone=zone:yaodu-tech-pharma")).First(b => b.Prop("stage") != "Completed");
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await Advance(other);
        await Advance(mine);

        var item = await feed.WaitForItem(i => i["id"]!.GetValue<string>() == mine.Id());
        Assert.Equal(mine.Version() + 1, item["version"]!.GetValue<long>());
        Assert.InRange(item["at"]!.GetValue<long>(), before - 1_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal("zone:yaodu-innov-pharma", item["zoneId"]!.GetValue<string>());
        Assert.True(item["changed"]!.AsObject().ContainsKey("stage"));
        Assert.DoesNotContain(feed.Items, i => i["id"]!.GetValue<string>() == other.Id());
        Assert.All(feed.Items, i => Assert.True(i["zoneId"]?.GetValue<string>() == "zone:yaodu-innov-pharma" || i["id"]!.GetValue<string>() == "zone:yaodu-innov-pharma"));
    }

    [Fact]
    public async Task A_late_joiner_gets_the_current_versions_of_its_topic()
    {
        var building = (await _client.Features("?kind=building&zone=zone:circular")).First(b => b.Prop("stage") != "Completed");
        var advanced = await Advance(building);
        for (var i = 0; i < 100 && (await _client.Features("?kind=building&zone=zone:circular")).Single(b => b.Id() == building.Id()).Version() != advanced; i++)
        {
            await Task.Delay(50); // the change is on its way to this silo's catalog
        }

        await using var connection = fixture.Host.HubConnection();
        var feed = new FeedListener(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "zone:circular");

        var snapshot = await feed.WaitForSnapshot("zone:circular");
        var versions = snapshot["versions"]!.AsObject();
        Assert.Equal(advanced, versions[building.Id()]!.GetValue<long>());
        Assert.Equal((await _client.Features("?zone=zone:circular")).Count, versions.Count);
    }

    [Fact]
    public async Task After_a_reconnect_the_snapshot_shows_what_changed_while_away()
    {
        var building = (await _client.Features("?kind=building&zone=zone:fucheng-pharma")).First(b => b.Prop("stage") != "Completed");
        await using var connection = fixture.Host.HubConnection();
        var feed = new FeedListener(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "zone:fucheng-pharma");
        var first = await feed.WaitForSnapshot("zone:fucheng-pharma");
        await connection.StopAsync();
        feed.Snapshots.Clear();

        var advanced = await Advance(building);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "zone:fucheng-pharma");

        // The snapshot holds the new version, or (if the change was still on the stream) the change follows it.
        var second = await feed.WaitForSnapshot("zone:fucheng-pharma");
        Assert.Equal(building.Version(), first["versions"]![building.Id()]!.GetValue<long>());
        if (second["versions"]![building.Id()]!.GetValue<long>() != advanced)
        {
            await feed.WaitForItem(i => i["id"]!.GetValue<string>() == building.Id() && i["version"]!.GetValue<long>() == advanced);
        }
    }

    [Fact]
    public async Task Under_a_burst_changes_are_coalesced_and_the_latest_state_of_every_twin_arrives()
    {
        var plants = (await _client.Features("?kind=plant")).Where(p => p.Prop("status") == "Operating").ToList();
        await using var connection = fixture.Host.HubConnection();
        var feed = new FeedListener(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "park");
        await feed.WaitForSnapshot("park");
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var last = new Dictionary<string, long>();

        for (var i = 0; i < 40; i++)
        {
            foreach (var plant in plants)
            {
                var (status, after) = await _client.Post($"/api/plants/{plant.Id()}/readings",
                    $$"""{"at": "{{start.AddSeconds(i):O}}", "inflow": {{1000 + i}}, "cod": 20, "ammonia": 1, "totalPhosphorus": 0.2, "ph": 7}""");
                Assert.Equal(HttpStatusCode.OK, status);
                last[plant.Id()] = after.Version();
            }
        }

        foreach (var (id, version) in last)
        {
            var item = await feed.WaitForItem(i => i["id"]!.GetValue<string>() == id && i["version"]!.GetValue<long>() == version);
            Assert.Equal(1039, item["changed"]!["latest"]!["inflow"]!.GetValue<decimal>());
        }

        Assert.True(feed.Items.Count < 40 * plants.Count, $"{feed.Items.Count} items for {40 * plants.Count} changes: nothing was coalesced");
    }

    [Fact]
    public async Task Stats_subscribers_get_the_figures_now_and_again_after_a_change()
    {
        await using var connection = fixture.Host.HubConnection();
        var feed = new FeedListener(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "stats");
        var park = await feed.WaitForItem(i => i["id"]!.GetValue<string>() == "stats:park");
        var stats = await _client.GetJson("/api/stats");
        Assert.Equal(stats["enterprises"]!.ToJsonString(), park["changed"]!["enterprises"]!.ToJsonString());

        var building = (await _client.Features("?kind=building&zone=zone:yaodu-tech-metal")).First(b => b.Prop("stage") == "ToppedOut");
        var initial = await feed.WaitForItem(i => i["id"]!.GetValue<string>() == "stats:zone:yaodu-tech-metal");
        await Advance(building);

        var zone = await feed.WaitForItem(i => i["id"]!.GetValue<string>() == "stats:zone:yaodu-tech-metal" && i["version"]!.GetValue<long>() > initial["version"]!.GetValue<long>());
        var fresh = await _client.GetJson("/api/stats/zone:yaodu-tech-metal");
        Assert.Equal(fresh["buildings"]!.ToJsonString(), zone["changed"]!["buildings"]!.ToJsonString());
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_topic_is_refused()
    {
        await using var connection = fixture.Host.HubConnection();
        await connection.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Subscribe", "zone:atlantis"));
        Assert.Contains("unknown topic", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Moves a building one step on; returns its new version.</summary>
    private async Task<long> Advance(JsonObject building)
    {
        var current = await _client.Twin(building.Id());
        var planned = int.Parse(current.Prop("floorsPlanned"), System.Globalization.CultureInfo.InvariantCulture);
        var built = int.Parse(current.Prop("floorsBuilt"), System.Globalization.CultureInfo.InvariantCulture);
        var body = current.Prop("stage") switch
        {
            "Planned" => """{"floorsBuilt": 0, "stage": "Piling"}""",
            "Piling" => """{"floorsBuilt": 0, "stage": "Foundation"}""",
            "Foundation" => planned == 1 ? """{"floorsBuilt": 1, "stage": "ToppedOut"}""" : """{"floorsBuilt": 1, "stage": "Structure"}""",
            "Structure" when built + 1 < planned => $$"""{"floorsBuilt": {{built + 1}}, "stage": "Structure"}""",
            "Structure" => $$"""{"floorsBuilt": {{planned}}, "stage": "ToppedOut"}""",
            _ => $$"""{"floorsBuilt": {{planned}}, "stage": "Completed"}""",
        };
        var (status, after) = await _client.Post($"/api/buildings/{building.Id()}/progress", body);
        Assert.Equal(HttpStatusCode.OK, status);
        return after.Version();
    }
}
