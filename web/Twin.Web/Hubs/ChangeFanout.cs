using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Twin.Web.Catalog;

namespace Twin.Web.Hubs;

/// <summary>
/// This process's bridge from the change feed to its browsers. Items are coalesced per twin
/// (the latest state, with every property changed since the last send) and sent as at most one
/// <c>changes</c> message per topic every <see cref="Interval"/>: under load a browser gets each
/// twin's latest state, never a stale one and never none. A message's arguments are the items
/// (see <see cref="ChangeItemJson"/>; each serialized once per flush, whatever the topics) and
/// <c>sentAt</c>, the server time (ms) the flush was handed to SignalR.
/// </summary>
public sealed partial class ChangeFanout : BackgroundService
{
    /// <summary>
    /// How long a change may wait for company. 25 ms, not 50: at 10,000 updates/s it halved the
    /// server's part of the latency (p50 26–28 → 13–14 ms, p99 74–121 → 56–71 ms over six runs) at the same CPU per
    /// update; a browser still draws at most once a frame (docs/performance.md, session 5).
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    private const int InitialBufferBytes = 128 * 1024;
    private const int MaxKeptBufferBytes = 4 * 1024 * 1024;

    private readonly IHubContext<TwinHub> _hub;
    private readonly ILogger<ChangeFanout> _logger;
    private readonly Lock _gate = new();
    private Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    // The flushes' one buffer, reused: a flush of a few hundred items passes 85,000 bytes, and a new
    // buffer each time went to the large object heap, which collections do not compact.
    private ArrayBufferWriter<byte> _buffer = new(InitialBufferBytes);

    public ChangeFanout(CatalogFeed feed, IHubContext<TwinHub> hub, ILogger<ChangeFanout> logger)
    {
        ArgumentNullException.ThrowIfNull(feed);
        _hub = hub;
        _logger = logger;
        feed.Changed += OnChange;
    }

    /// <summary>
    /// Flushes on a thread of its own, not on a thread-pool timer: on a busy silo a timer's tick
    /// waits in the pool's queue behind the very work it reports (ingest requests, grain turns),
    /// which was most of a change's time in the server at p99 (docs/performance.md). A flush that
    /// throws is logged and the next one goes on: the feed outlives one bad item.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Run(stoppingToken);
            stopped.SetResult();
        })
        {
            IsBackground = true,
            Name = "twin-change-fanout",
        };
        thread.Start();
        return stopped.Task;
    }

    private void Run(CancellationToken stoppingToken)
    {
        var interval = (long)(Interval.TotalSeconds * Stopwatch.Frequency);
        var next = Stopwatch.GetTimestamp() + interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero && stoppingToken.WaitHandle.WaitOne(wait))
            {
                return;
            }

            // A late tick does not make the next ones come sooner: the interval keeps its meaning.
            next = Math.Max(next + interval, Stopwatch.GetTimestamp());
            try
            {
                FlushAsync(stoppingToken).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFlushFailed(_logger, e);
            }
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

        // Each item is serialized once, into one buffer for the flush, and shared by every topic it
        // goes to. Flushes run one after another (Run), and each has handed every message to every
        // connection when its sends complete, so the next may write over the buffer.
        if (_buffer.Capacity > MaxKeptBufferBytes)
        {
            _buffer = new ArrayBufferWriter<byte>(InitialBufferBytes); // after a burst: do not keep its buffer
        }

        var buffer = _buffer;
        buffer.ResetWrittenCount();
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A live-feed flush failed; its changes were not sent, the next ones will be")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
