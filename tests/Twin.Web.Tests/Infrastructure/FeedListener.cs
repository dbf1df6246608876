using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace Twin.Web.Tests.Infrastructure;

/// <summary>Collects what a hub connection receives: change items and snapshots.</summary>
public sealed class FeedListener
{
    public FeedListener(HubConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.On<JsonArray, long>("changes", (items, sentAt) =>
        {
            Messages.Enqueue((items, sentAt));
            foreach (var item in items)
            {
                Items.Enqueue(item!.AsObject());
            }
        });
        connection.On<JsonObject>("snapshot", snapshot => Snapshots.Enqueue(snapshot));
    }

    public ConcurrentQueue<JsonObject> Items { get; } = new();

    /// <summary>Each <c>changes</c> message: its items and its <c>sentAt</c> (server ms).</summary>
    public ConcurrentQueue<(JsonArray Items, long SentAt)> Messages { get; } = new();

    public ConcurrentQueue<JsonObject> Snapshots { get; } = new();

    public async Task<JsonObject> WaitForItem(Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (Items.FirstOrDefault(match) is { } item)
            {
                return item;
            }

            await Task.Delay(25);
        }

        throw new Xunit.Sdk.XunitException($"no matching change item among {Items.Count} received");
    }

    public async Task<JsonObject> WaitForSnapshot(string topic)
    {
        for (var i = 0; i < 400; i++)
        {
            if (Snapshots.FirstOrDefault(s => s["topic"]!.GetValue<string>() == topic) is { } snapshot)
            {
                return snapshot;
            }

            await Task.Delay(25);
        }

        throw new Xunit.Sdk.XunitException($"no snapshot for {topic}");
    }
}
