using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Twin.Web.Security;
using Twin.Web.Catalog;

namespace Twin.Web.Hubs;

/// <summary>
/// The live feed at <c>/hubs/twin</c>. A browser subscribes to topics; right after a subscription
/// it gets the topic's current versions (<c>snapshot</c>) so it can catch up, then <c>changes</c>.
/// The group is joined before the snapshot is taken, so no change falls between the two.
/// Connecting and every method need <see cref="TwinPolicies.Read"/>.
/// </summary>
[Authorize(Policy = TwinPolicies.Read)]
public sealed class TwinHub(TwinCatalog catalog, StatsFanout stats) : Hub
{
    public async Task Subscribe(string topic)
    {
        if (!catalog.IsReady)
        {
            throw new HubException("the twin is still loading; subscribe again shortly");
        }

        var twins = Members(topic) ?? throw new HubException($"unknown topic '{topic}': use park, stats or a zone id");
        await Groups.AddToGroupAsync(Context.ConnectionId, topic);
        if (topic == TwinTopics.Stats)
        {
            var current = await stats.CurrentAsync();
            await Clients.Caller.SendAsync(TwinTopics.SnapshotMessage, new JsonObject
            {
                ["topic"] = topic,
                ["versions"] = new JsonObject(current.Select(s => KeyValuePair.Create(s["id"]!.GetValue<string>(), (JsonNode?)s["version"]!.GetValue<long>()))),
            });
            await Clients.Caller.SendAsync(TwinTopics.ChangesMessage, new JsonArray([.. current]));
            return;
        }

        var versions = new JsonObject();
        foreach (var twin in twins)
        {
            versions[twin.Id] = twin.Version;
        }

        await Clients.Caller.SendAsync(TwinTopics.SnapshotMessage, new JsonObject { ["topic"] = topic, ["versions"] = versions });
    }

    public Task Unsubscribe(string topic) => Groups.RemoveFromGroupAsync(Context.ConnectionId, topic);

    private IEnumerable<TwinState>? Members(string topic) => topic switch
    {
        TwinTopics.Park => catalog.All,
        TwinTopics.Stats => [],
        _ when catalog.Find(topic) is ZoneState zone => catalog.MembersOf(zone.Id).Append(zone),
        _ => null,
    };
}
