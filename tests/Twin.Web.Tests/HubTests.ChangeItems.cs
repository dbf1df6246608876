using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Twin.Contracts.Model;
using Twin.Spatial.Serialization;
using Twin.Web.Catalog;
using Twin.Web.Hubs;

namespace Twin.Web.Tests;

/// <summary>What a change item holds (the changed properties only), <c>sentAt</c>, and the MessagePack protocol.</summary>
public sealed partial class HubTests
{
    [Fact]
    public async Task A_plant_reading_item_holds_latest_and_compliant_but_not_recent_which_the_twin_keeps()
    {
        // Not an operating plant: the burst test sends those readings of its own times.
        var plant = (await _client.Features("?kind=plant")).First(p => p.Prop("status") != "Operating");
        await using var connection = fixture.Host.HubConnection();
        var feed = new FeedListener(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "park");
        await feed.WaitForSnapshot("park");
        var at = DateTimeOffset.UtcNow.AddSeconds(-1);

        var (status, after) = await _client.Post($"/api/plants/{plant.Id()}/readings",
            $$"""{"at": "{{at:O}}", "inflow": 4321, "cod": 20, "ammonia": 1, "totalPhosphorus": 0.2, "ph": 7}""");
        Assert.Equal(HttpStatusCode.OK, status);

        var item = await feed.WaitForItem(i => i["id"]!.GetValue<string>() == plant.Id() && i["version"]!.GetValue<long>() == after.Version());
        Assert.Equal(["compliant", "latest", "updatedAt"], item["changed"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(4321, item["changed"]!["latest"]!["inflow"]!.GetValue<decimal>());
        Assert.False(item.ContainsKey("geometry"));
        var recent = (await _client.Twin(plant.Id()))["properties"]!["recent"]!.AsArray();
        Assert.Equal(at, recent[^1]!["at"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_station_reading_item_holds_latest_only_and_its_message_says_when_the_server_sent_it()
    {
        var station = (await _client.Features("?kind=station")).First(s => s["properties"]!["zoneId"] is not null);
        await using var connection = fixture.Host.HubConnection();
        var feed = new FeedListener(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", station.Prop("zoneId"));
        await feed.WaitForSnapshot(station.Prop("zoneId"));

        var (status, after) = await _client.Post($"/api/stations/{station.Id()}/readings",
            $$$"""{"at": "{{{DateTimeOffset.UtcNow.AddSeconds(-1):O}}}", "values": {"pm25": 41}}""");
        Assert.Equal(HttpStatusCode.OK, status);

        var item = await feed.WaitForItem(i => i["id"]!.GetValue<string>() == station.Id() && i["version"]!.GetValue<long>() == after.Version());
        Assert.Equal(["latest", "updatedAt"], item["changed"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(41, item["changed"]!["latest"]!["values"]!["pm25"]!.GetValue<double>());
        var (_, sentAt) = feed.Messages.First(m => m.Items.Any(i => i!["id"]!.GetValue<string>() == station.Id()));
        Assert.InRange(sentAt, item["at"]!.GetValue<long>(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Every_property_of_every_kind_is_written_as_the_whole_states_JSON_writes_it()
    {
        var catalog = fixture.Host.Services.GetRequiredService<TwinCatalog>();
        var samples = catalog.All.GroupBy(t => t.Kind).SelectMany(g => g.Take(3)).ToList();
        Assert.Superset(new HashSet<TwinKind> { TwinKind.Plant, TwinKind.Station, TwinKind.Building, TwinKind.Enterprise, TwinKind.Zone }, samples.Select(t => t.Kind).ToHashSet());
        foreach (var state in samples)
        {
            var whole = JsonSerializer.SerializeToNode(state, state.GetType(), TwinJson.Options)!.AsObject();
            foreach (var (name, value) in whole)
            {
                var item = JsonNode.Parse(ChangeItemJson.Create(state, 7, [name], geometryChanged: false))!.AsObject();
                var changed = item["changed"]!.AsObject();
                Assert.True(JsonNode.DeepEquals(value, changed[name]), $"{state.Id}.{name}: {changed[name]?.ToJsonString()} is not {value?.ToJsonString()}");
                Assert.Equal(name == "updatedAt" ? ["updatedAt"] : [name, "updatedAt"], changed.Select(p => p.Key));
                Assert.Equal([state.Id, TwinIds.PrefixOf(state.Kind), "7"], [item["id"]!.ToString(), item["kind"]!.ToString(), item["at"]!.ToString()]);
            }

            var withGeometry = JsonNode.Parse(ChangeItemJson.Create(state, 7, [], geometryChanged: true))!.AsObject();
            Assert.True(JsonNode.DeepEquals(whole["geometry"], withGeometry["geometry"]), $"{state.Id}: geometry differs");
            Assert.Equal(["updatedAt"], withGeometry["changed"]!.AsObject().Select(p => p.Key));
        }
    }

    [Fact]
    public async Task A_MessagePack_client_gets_the_snapshot_and_the_changes_as_JSON_text_with_sentAt()
    {
        var building = (await _client.Features("?kind=building&zone=zone:circular")).First(b => b.Prop("stage") != "Completed");
        await using var connection = fixture.Host.HubConnection(messagePack: true);
        var snapshots = new List<JsonObject>();
        var changes = new List<(JsonArray Items, long SentAt)>();
        connection.On<byte[]>("snapshot", json =>
        {
            lock (snapshots)
            {
                snapshots.Add(JsonNode.Parse(json)!.AsObject());
            }
        });
        connection.On<byte[], long>("changes", (json, sentAt) =>
        {
            lock (changes)
            {
                changes.Add((JsonNode.Parse(json)!.AsArray(), sentAt));
            }
        });
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "zone:circular");
        await WaitUntil(() => { lock (snapshots) { return snapshots.Count > 0; } });
        Assert.Equal("zone:circular", snapshots[0]["topic"]!.GetValue<string>());
        Assert.True(snapshots[0]["versions"]!.AsObject().ContainsKey(building.Id()));

        var advanced = await Advance(building);

        await WaitUntil(() => { lock (changes) { return changes.Any(c => c.Items.Any(i => i!["id"]!.GetValue<string>() == building.Id() && i["version"]!.GetValue<long>() == advanced)); } });
        var (items, sentAt) = changes.First(c => c.Items.Any(i => i!["id"]!.GetValue<string>() == building.Id() && i["version"]!.GetValue<long>() == advanced));
        var item = items.First(i => i!["id"]!.GetValue<string>() == building.Id())!;
        Assert.True(item["changed"]!.AsObject().ContainsKey("stage"));
        Assert.InRange(sentAt, item["at"]!.GetValue<long>(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), "timed out");
    }
}
