using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Twin.Contracts.Walls;
using Twin.Web.Security;
using Twin.Web.Catalog;
using Twin.Spatial.Serialization;

namespace Twin.Web.Hubs;

/// <summary>
/// The live feed at <c>/hubs/twin</c>. A browser subscribes to topics; right after a subscription
/// it gets the topic's current versions (<c>snapshot</c>) so it can catch up, then <c>changes</c>.
/// The group is joined before the snapshot is taken, so no change falls between the two.
/// Connecting and every method need <see cref="TwinPolicies.Read"/>. Both the JSON protocol
/// (browsers) and MessagePack (other clients) are served; <c>snapshot</c> and <c>changes</c> carry
/// JSON either way (<see cref="HubJson"/>), and <c>changes</c> has a second argument, <c>sentAt</c>.
/// </summary>
[Authorize(Policy = TwinPolicies.Read)]
public sealed class TwinHub(TwinCatalog catalog, StatsFanout stats, IGrainFactory grains) : Hub
{
    public async Task Subscribe(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.StartsWith(TwinTopics.WallPrefix, StringComparison.Ordinal))
        {
            await SubscribeWall(topic[TwinTopics.WallPrefix.Length..]);
            return;
        }

        if (!catalog.IsReady)
        {
            throw new HubException("the twin is still loading; subscribe again shortly");
        }

        var twins = Members(topic) ?? throw new HubException($"unknown topic '{topic}': use park, stats, a zone id or wall:{{wallId}}");
        await Groups.AddToGroupAsync(Context.ConnectionId, topic);
        if (topic == TwinTopics.Stats)
        {
            var current = await stats.CurrentAsync();
            await Clients.Caller.SendAsync(TwinTopics.SnapshotMessage, HubJson.Of(new JsonObject
            {
                ["topic"] = topic,
                ["versions"] = new JsonObject(current.Select(s => KeyValuePair.Create(s["id"]!.GetValue<string>(), (JsonNode?)s["version"]!.GetValue<long>()))),
            }, TwinJson.Options));
            await Clients.Caller.SendAsync(TwinTopics.ChangesMessage, StatsFanout.Message(current), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            return;
        }

        var versions = new JsonObject();
        foreach (var twin in twins)
        {
            versions[twin.Id] = twin.Version;
        }

        await Clients.Caller.SendAsync(TwinTopics.SnapshotMessage, HubJson.Of(new JsonObject { ["topic"] = topic, ["versions"] = versions }, TwinJson.Options));
    }

    /// <summary>
    /// A wall screen: joins the wall's group, then gets its current state as a <c>wall</c> message
    /// (a newer one may overtake it: screens keep the highest version).
    /// </summary>
    private async Task SubscribeWall(string wallId)
    {
        if (!WallRules.IsWallId(wallId))
        {
            throw new HubException($"'{wallId}' is not a wall id: 1 to 40 of a-z, 0-9 and -");
        }

        if (Context.User is not { } user || !user.MayShowWall(wallId))
        {
            // A wall screen's display key shows its own wall and no other.
            throw new HubException("this screen may show only its own wall");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, TwinTopics.ForWall(wallId));
        var state = await grains.GetGrain<IWallGrain>(wallId).GetState();
        await Clients.Caller.SendAsync(TwinTopics.WallMessage, state);
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
