using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Twin.Web.Catalog;

namespace Twin.Web.Hubs;

/// <summary>
/// This process's bridge from the change stream to its browsers. Items are coalesced per twin
/// (the latest state, with every property changed since the last send) and sent as at most one
/// <c>changes</c> message per topic every <see cref="Interval"/>: under load a browser gets each
/// twin's latest state, never a stale one and never none. A message's arguments are the items
/// (see <see cref="ChangeItemJson"/>; each serialized once per flush, whatever the topics) and
/// <c>sentAt</c>, the server time (ms) the flush was handed to SignalR.
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
            else
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

        // Each item is serialized once, into one buffer for the flush, and shared by every topic it goes to.
        var buffer = new ArrayBufferWriter<byte>(batch.Count * 256);
        var ends = new int[batch.Count];
        var topics = new string?[batch.Count];
        var i = 0;
        using (var writer = new Utf8JsonWriter(buffer, ChangeItemJson.WriterOptions))
        {
            foreach (var pending in batch.Values)
            {
                ChangeItemJson.Write(writer, pending.Latest.State, pending.Latest.At, pending.Changed, pending.GeometryChanged);
                writer.Flush();
                writer.Reset();
                ends[i] = buffer.WrittenCount;
                topics[i++] = TwinTopics.ZoneTopicOf(pending.Latest.State);
            }
        }

        var written = buffer.WrittenMemory;
        var park = new List<ReadOnlyMemory<byte>>(batch.Count);
        var byTopic = new Dictionary<string, List<ReadOnlyMemory<byte>>>(StringComparer.Ordinal) { [TwinTopics.Park] = park };
        var start = 0;
        for (var k = 0; k < ends.Length; k++)
        {
            var item = written[start..ends[k]];
            start = ends[k];
            park.Add(item);
            if (topics[k] is { } zoneTopic)
            {
                if (!byTopic.TryGetValue(zoneTopic, out var items))
                {
                    byTopic[zoneTopic] = items = [];
                }

                items.Add(item);
            }
        }

        // The server time the messages are handed to SignalR: a client tells the server's queueing
        // (item `at` → `sentAt`) from its own and the network's (`sentAt` → receipt).
        var sentAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Task.WhenAll(byTopic.Select(t => _hub.Clients.Group(t.Key).SendAsync(TwinTopics.ChangesMessage, HubJson.ArrayOf(t.Value), sentAt, cancellationToken)));
    }

    private sealed class Pending(ChangeItem first)
    {
        public ChangeItem Latest { get; private set; } = first;

        public HashSet<string> Changed { get; } = [.. first.Changed];

        public bool GeometryChanged { get; private set; } = first.GeometryChanged;

        /// <summary>The newer state of the two, with what either changed (an older item's properties are still to be sent).</summary>
        public void Merge(ChangeItem item)
        {
            if (item.Version > Latest.Version)
            {
                Latest = item;
            }

            Changed.UnionWith(item.Changed);
            GeometryChanged |= item.GeometryChanged;
        }
    }
}
