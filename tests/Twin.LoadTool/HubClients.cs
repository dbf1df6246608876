using System.Runtime.InteropServices;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Twin.LoadTool;

/// <summary>
/// N SignalR clients, client c subscribed to zone c mod zones (and to <c>stats</c>), recording for
/// every change item its change → client latency (receipt time − the item's <c>at</c>), split at
/// the message's <c>sentAt</c> into the server's queueing (<c>at</c> → <c>sentAt</c>) and the
/// client side (<c>sentAt</c> → receipt: sockets, frame parse, this process's queue), and the
/// highest version seen of each twin. With <c>messagePack</c> the clients speak SignalR's
/// MessagePack protocol and the items arrive as JSON text in one <c>bin</c>; otherwise JSON. Either
/// way only id, version and at of each item are read (<see cref="ChangeStamps"/>), never a DOM.
/// </summary>
internal sealed class HubClients : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private ClientSeen[] _seen = [];
    private long _delivered;
    private volatile bool _recording = true;

    public LatencyHistogram Latency { get; } = new();

    /// <summary>Item <c>at</c> → the message's <c>sentAt</c>: coalescing and queueing in the server.</summary>
    public LatencyHistogram ServerQueue { get; } = new();

    /// <summary>The message's <c>sentAt</c> → receipt: the sockets, the client's parse and its queue.</summary>
    public LatencyHistogram ClientDelay { get; } = new();

    /// <summary>The latencies by second of receipt, from <see cref="LatencySeries.Start"/> on.</summary>
    public LatencySeries Series { get; } = new();

    public long Delivered => Interlocked.Read(ref _delivered);

    public IReadOnlyList<string> ZoneOf { get; private set; } = [];

    /// <summary>Connects and subscribes every client, 50 at a time.</summary>
    public async Task ConnectAsync(Uri url, int clients, IReadOnlyList<string> zones, string? sessionCookie = null, bool messagePack = false)
    {
        ZoneOf = [.. Enumerable.Range(0, clients).Select(c => zones[c % zones.Count])];
        _seen = [.. Enumerable.Range(0, clients).Select(_ => new ClientSeen())];
        foreach (var chunk in Enumerable.Range(0, clients).Chunk(50))
        {
            _connections.AddRange(await Task.WhenAll(chunk.Select(c => ConnectOneAsync(url, c, ZoneOf[c], sessionCookie, messagePack))));
        }
    }

    /// <summary>Stops counting deliveries and latencies (versions still count), for a warm-up or the drain after the run.</summary>
    public void StopRecording() => _recording = false;

    /// <summary>Counts deliveries and latencies again, from the measured window's start.</summary>
    public void StartRecording() => _recording = true;

    public long SeenVersion(int client, string id)
    {
        var seen = _seen[client];
        lock (seen.Gate)
        {
            return seen.Versions.TryGetValue(id, out var v) ? v : 0;
        }
    }

    private async Task<HubConnection> ConnectOneAsync(Uri url, int client, string zone, string? sessionCookie, bool messagePack)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(url, "/hubs/twin"), o =>
        {
            if (sessionCookie is not null)
            {
                o.Headers["Cookie"] = sessionCookie;
            }
        });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }

        var connection = builder.Build();
        var seen = _seen[client];
        if (messagePack)
        {
            connection.On<byte[], long>("changes", (json, sentAt) => OnChanges(seen, ChangeStamps.Parse(json), sentAt));
        }
        else
        {
            connection.On<ChangeStamps, long>("changes", (stamps, sentAt) => OnChanges(seen, stamps, sentAt));
        }

        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", zone);
        await connection.InvokeAsync("Subscribe", "stats");
        return connection;
    }

    /// <summary>
    /// Records a message's items under the client's lock, taken once per message: SignalR's client
    /// runs one connection's handlers one at a time, so it is only ever contended by
    /// <see cref="SeenVersion"/>, read from the run's thread.
    /// </summary>
    private void OnChanges(ClientSeen client, ChangeStamps stamps, long sentAt)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        lock (client.Gate)
        {
            foreach (var stamp in stamps.Items)
            {
                Record(client.Versions, stamp, sentAt, now);
            }
        }
    }

    private void Record(Dictionary<string, long> seen, ChangeStamp stamp, long sentAt, long now)
    {
        if (stamp.Id.StartsWith("stats:", StringComparison.Ordinal))
        {
            return;
        }

        ref var version = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, stamp.Id, out _);
        version = Math.Max(version, stamp.Version);
        if (_recording)
        {
            Latency.Add(now - stamp.At);
            ServerQueue.Add(sentAt - stamp.At);
            ClientDelay.Add(now - sentAt);
            Series.Add(now, now - stamp.At);
            Interlocked.Increment(ref _delivered);
        }
    }

    /// <summary>One client's highest version seen of each twin, its own so clients never contend.</summary>
    private sealed class ClientSeen
    {
        public Lock Gate { get; } = new();

        public Dictionary<string, long> Versions { get; } = new(StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var chunk in _connections.Chunk(50))
        {
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
        }
    }
}
