using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Twin.Web.Api;
using Twin.Spatial.Serialization;
using Twin.Web.Catalog;

namespace Twin.Web.Hubs;

/// <summary>
/// Sends the park's and the changed zones' figures to topic <c>stats</c> at most every
/// <see cref="Interval"/>, read from the zone grains' rollups, and keeps the latest for late joiners.
/// A zone with changes is only a candidate: its figures are sent when they differ from the last
/// sent. Most changes (a station's reading, a road's status) leave every figure as it was, and under
/// a steady feed every zone has changes at every tick: sent regardless, the park's and 20 zones'
/// figures were ~36 KB per subscriber twice a second, identical each time (docs/performance.md, session 7).
/// </summary>
public sealed class StatsFanout : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly IHubContext<TwinHub> _hub;
    private readonly IGrainFactory _grains;
    private readonly TwinCatalog _catalog;
    private readonly ConcurrentDictionary<string, bool> _dirtyZones = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _latest = new(StringComparer.Ordinal);
    private long _lastVersion;
    private bool _complete;

    public StatsFanout(CatalogFeed feed, IHubContext<TwinHub> hub, IGrainFactory grains, TwinCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(feed);
        _hub = hub;
        _grains = grains;
        _catalog = catalog;
        feed.Changed += item =>
        {
            // Read first: a write takes the dictionary's lock, and every change of a busy zone would contend for it.
            if (TwinTopics.ZoneTopicOf(item.State) is { } zoneId && !_dirtyZones.ContainsKey(zoneId))
            {
                _dirtyZones[zoneId] = true;
            }
        };
    }

    /// <summary>The latest figures of the park and every zone, computed now if never yet for every zone.</summary>
    public async Task<IReadOnlyList<JsonObject>> CurrentAsync()
    {
        // Periodic refreshes cover only the zones that changed: a late joiner needs every zone once.
        if (!_complete)
        {
            await RefreshAsync(all: true);
            _complete = true;
        }

        return [.. _latest.Values.Select(v => v.DeepClone().AsObject())];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (_dirtyZones.IsEmpty || !_catalog.IsReady)
            {
                continue;
            }

            var items = await RefreshAsync(all: false);
            if (items.Count > 0)
            {
                await _hub.Clients.Group(TwinTopics.Stats).SendAsync(TwinTopics.ChangesMessage, Message(items), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), stoppingToken);
            }
        }
    }

    /// <summary>Figures as a <c>changes</c> message's items.</summary>
    public static HubJson Message(IEnumerable<JsonObject> items) =>
        HubJson.ArrayOf([.. items.Select(i => new ReadOnlyMemory<byte>(JsonSerializer.SerializeToUtf8Bytes(i, TwinJson.Options)))]);

    private async Task<List<JsonObject>> RefreshAsync(bool all)
    {
        var park = await _grains.GetGrain<IParkGrain>(TwinIds.Park).GetStats();
        if (park is null)
        {
            return [];
        }

        var zones = all ? park.Zones.Select(z => z.ZoneId).ToList() : [.. _dirtyZones.Keys];
        foreach (var zoneId in zones)
        {
            _dirtyZones.TryRemove(zoneId, out _);
        }

        var version = NextVersion();
        var parkView = StatsView.Of(park.Total, park.ReportYear);
        parkView["newThreeParks"] = StatsView.Of(park.NewThreeParks, park.ReportYear);
        var items = new List<JsonObject>();
        Take("stats:park", parkView);
        foreach (var zone in park.Zones.Where(z => zones.Contains(z.ZoneId)))
        {
            var view = StatsView.Of(zone.Stats, park.ReportYear);
            view.Insert(0, "id", zone.ZoneId);
            view.Insert(1, "name", zone.Name);
            Take($"stats:{zone.ZoneId}", view);
        }

        return items;

        // Figures as they were last sent are not sent again (a late joiner's refresh sends them all).
        void Take(string id, JsonObject figures)
        {
            if (!all && _latest.TryGetValue(id, out var sent) && JsonNode.DeepEquals(sent["changed"], figures))
            {
                return;
            }

            var item = ChangeItemJson.Stats(id, version, figures);
            _latest[id] = item;
            items.Add(item);
        }
    }

    /// <summary>Stats versions are server times in ms, kept strictly increasing.</summary>
    private long NextVersion()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        long last, next;
        do
        {
            last = Interlocked.Read(ref _lastVersion);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _lastVersion, next, last) != last);
        return next;
    }
}
