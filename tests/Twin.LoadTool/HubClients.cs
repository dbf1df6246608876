using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Twin.LoadTool;

/// <summary>
/// N SignalR clients, client c subscribed to zone c mod zones (and to <c>stats</c>), recording for
/// every change item its change → client latency (receipt time − the item's <c>at</c>) and the
/// highest version seen of each twin.
/// </summary>
internal sealed class HubClients : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private readonly ConcurrentDictionary<(int Client, string Id), long> _seen = new();
    private long _delivered;
    private volatile bool _recording = true;

    public LatencyHistogram Latency { get; } = new();

    public long Delivered => Interlocked.Read(ref _delivered);

    public IReadOnlyList<string> ZoneOf { get; private set; } = [];

    /// <summary>Connects and subscribes every client, 50 at a time.</summary>
    public async Task ConnectAsync(Uri url, int clients, IReadOnlyList<string> zones, string? sessionCookie = null)
    {
        ZoneOf = [.. Enumerable.Range(0, clients).Select(c => zones[c % zones.Count])];
        foreach (var chunk in Enumerable.Range(0, clients).Chunk(50))
        {
            _connections.AddRange(await Task.WhenAll(chunk.Select(c => ConnectOneAsync(url, c, ZoneOf[c], sessionCookie))));
        }
    }

    /// <summary>Stops counting deliveries and latencies (versions still count), for the drain after the run.</summary>
    public void StopRecording() => _recording = false;

    public long SeenVersion(int client, string id) => _seen.TryGetValue((client, id), out var v) ? v : 0;

    private async Task<HubConnection> ConnectOneAsync(Uri url, int client, string zone, string? sessionCookie)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(url, "/hubs/twin"), o =>
        {
            if (sessionCookie is not null)
            {
                o.Headers["Cookie"] = sessionCookie;
            }
        }).Build();
        connection.On<JsonArray>("changes", items => OnChanges(client, items));
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", zone);
        await connection.InvokeAsync("Subscribe", "stats");
        return connection;
    }

    private void OnChanges(int client, JsonArray items)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var item in items)
        {
            var id = item!["id"]!.GetValue<string>();
            if (id.StartsWith("stats:", StringComparison.Ordinal))
            {
                continue;
            }

            var version = item["version"]!.GetValue<long>();
            _seen.AddOrUpdate((client, id), version, (_, v) => Math.Max(v, version));
            if (_recording)
            {
                Latency.Add(now - item["at"]!.GetValue<long>());
                Interlocked.Increment(ref _delivered);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var chunk in _connections.Chunk(50))
        {
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
        }
    }
}
