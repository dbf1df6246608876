using System.Collections.Concurrent;
using Orleans.Streams;

namespace Twin.Grains.Tests;

/// <summary>Records every change item the test cluster's client gets on every partition of the change stream, until disposed.</summary>
internal sealed class ChangeStreamRecorder : IAsyncDisposable
{
    private StreamSubscriptionHandle<ChangeItem>[] _handles = [];

    private ChangeStreamRecorder()
    {
    }

    public ConcurrentQueue<ChangeItem> Items { get; } = new();

    public static async Task<ChangeStreamRecorder> StartAsync(IClusterClient client)
    {
        var recorder = new ChangeStreamRecorder();
        var provider = client.GetStreamProvider(TwinStreams.Provider);
        recorder._handles = await Task.WhenAll(Enumerable.Range(0, TwinStreams.Partitions).Select(p =>
            provider.GetStream<ChangeItem>(TwinStreams.ForPartition(p)).SubscribeAsync((item, _) =>
            {
                recorder.Items.Enqueue(item);
                return Task.CompletedTask;
            })));
        return recorder;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var handle in _handles)
        {
            await handle.UnsubscribeAsync();
        }
    }
}
