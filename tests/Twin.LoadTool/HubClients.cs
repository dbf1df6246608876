using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Twin.LoadTool;

/// <summary>
/// N SignalR clients, client c subscribed to zone c mod zones (and to <c>stats</c>), recording for
/// every change item its change → client latency (receipt time − the item's <c>at</c>), split at
/// the message's <c>sentAt</c> into the server's queueing (<c>at</c> → <c>sentAt</c>) and the
/// client side (<c>sentAt</c> → receipt: sockets, frame parse, this process's queue), and the
/// highest version seen of each twin. With <c>messagePack</c> the clients speak SignalR's
/// MessagePack protocol: the items arrive as JSON text in one <c>bin</c> and only id, version and
/// at are read from it; otherwise JSON, each message parsed into a <see cref="JsonArray"/>.
/// </summary>
internal sealed class HubClients : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private readonly ConcurrentDictionary<(int Client, string Id), long> _seen = new();
    private long _delivered;
    private volatile bool _recording = true;

    public LatencyHistogram Latency { get; } = new();

    /// <summary>Item <c>at</c> → the message's <c>sentAt</c>: coalescing and queueing in the server.</summary>
    public LatencyHistogram ServerQueue { get; } = new();

    /// <summary>The message's <c>sentAt</c> → receipt: the sockets, the client's parse and its queue.</summary>
    public LatencyHistogram ClientDelay { get; } = new();

    public long Delivered => Interlocked.Read(ref _delivered);

    public IReadOnlyList<string> ZoneOf { get; private set; } = [];

    /// <summary>Connects and subscribes every client, 50 at a time.</summary>
    public async Task ConnectAsync(Uri url, int clients, IReadOnlyList<string> zones, string? sessionCookie = null, bool messagePack = false)
    {
        ZoneOf = [.. Enumerable.Range(0, clients).Select(c => zones[c % zones.Count])];
        foreach (var chunk in Enumerable.Range(0, clients).Chunk(50))
        {
            _connections.AddRange(await Task.WhenAll(chunk.Select(c => ConnectOneAsync(url, c, ZoneOf[c], sessionCookie, messagePack))));
        }
    }

    /// <summary>Stops counting deliveries and latencies (versions still count), for the drain after the run.</summary>
    public void StopRecording() => _recording = false;

    public long SeenVersion(int client, string id) => _seen.TryGetValue((client, id), out var v) ? v : 0;

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
        if (messagePack)
        {
            connection.On<byte[], long>("changes", (json, sentAt) => OnChanges(client, json, sentAt));
        }
        else
        {
            connection.On<JsonArray, long>("changes", (items, sentAt) => OnChanges(client, items, sentAt));
        }

        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", zone);
        await connection.InvokeAsync("Subscribe", "stats");
        return connection;
    }

    private void OnChanges(int client, JsonArray items, long sentAt)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var item in items)
        {
            Record(client, item!["id"]!.GetValue<string>(), item["version"]!.GetValue<long>(), item["at"]!.GetValue<long>(), sentAt, now);
        }
    }

    /// <summary>The items as JSON text (MessagePack): reads id, version and at of each, skipping the rest.</summary>
    private void OnChanges(int client, byte[] json, long sentAt)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? id = null;
            long version = 0, at = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                reader.Read();
                if (name.SequenceEqual("id"u8))
                {
                    id = reader.GetString();
                }
                else if (name.SequenceEqual("version"u8))
                {
                    version = reader.GetInt64();
                }
                else if (name.SequenceEqual("at"u8))
                {
                    at = reader.GetInt64();
                }
                else
                {
                    reader.Skip();
                }
            }

            Record(client, id!, version, at, sentAt, now);
        }
    }

    private void Record(int client, string id, long version, long at, long sentAt, long now)
    {
        if (id.StartsWith("stats:", StringComparison.Ordinal))
        {
            return;
        }

        _seen.AddOrUpdate((client, id), version, (_, v) => Math.Max(v, version));
        if (_recording)
        {
            Latency.Add(now - at);
            ServerQueue.Add(sentAt - at);
            ClientDelay.Add(now - sentAt);
            Interlocked.Increment(ref _delivered);
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
