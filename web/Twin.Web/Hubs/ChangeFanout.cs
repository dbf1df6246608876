using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Twin.Web.Catalog;

namespace Twin.Web.Hubs;

/// <summary>
/// This process's bridge from the change stream to its browsers. Items are coalesced per twin
/// (the latest state, with every property changed since the last send) and sent as at most one
/// <c>changes</c> message per topic every <see cref="Interval"/>: under load a browser gets each
/// twin's latest state, never a stale one and never none.
/// </summary>
public sealed class ChangeFanout : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly IHubContext<TwinHub> _hub;
    private readonly Lock _gate = new();
    private Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    public ChangeFanout(CatalogFeed feed, IHubContext<TwinHub> hub)
    {
        ArgumentNullException.ThrowIfNull(feed);
        _hub = hub;
        feed.Changed += OnChange;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FlushAsync(stoppingToken);
        }
    }

    private void OnChange(ChangeItem item)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(item.Id, out var pending))
            {
                _pending[item.Id] = new Pending(item);
            }
            else if (item.Version > pending.Latest.Version)
            {
                pending.Merge(item);
            }
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, Pending> batch;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            batch = _pending;
            _pending = new Dictionary<string, Pending>(StringComparer.Ordinal);
        }

        var byTopic = new Dictionary<string, JsonArray>(StringComparer.Ordinal) { [TwinTopics.Park] = [] };
        foreach (var pending in batch.Values)
        {
            var item = ChangeItemJson.Create(pending.Latest.State, pending.Latest.At, pending.Changed, pending.GeometryChanged);
            byTopic[TwinTopics.Park].Add(item);
            if (TwinTopics.ZoneTopicOf(pending.Latest.State) is { } zoneTopic)
            {
                if (!byTopic.TryGetValue(zoneTopic, out var items))
                {
                    byTopic[zoneTopic] = items = [];
                }

                items.Add(item.DeepClone());
            }
        }

        await Task.WhenAll(byTopic.Select(t => _hub.Clients.Group(t.Key).SendAsync(TwinTopics.ChangesMessage, t.Value, cancellationToken)));
    }

    private sealed class Pending(ChangeItem first)
    {
        public ChangeItem Latest { get; private set; } = first;

        public HashSet<string> Changed { get; } = [.. first.Changed];

        public bool GeometryChanged { get; private set; } = first.GeometryChanged;

        public void Merge(ChangeItem newer)
        {
            Latest = newer;
            Changed.UnionWith(newer.Changed);
            GeometryChanged |= newer.GeometryChanged;
        }
    }
}
