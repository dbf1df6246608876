using Orleans.Streams;

namespace Twin.Grains.Changes;

/// <summary>
/// The silo's one way onto the change stream. Twins hand their change items here; each partition's
/// items go out as one stream batch (<c>OnNextBatchAsync</c>) while the previous batch of that
/// partition is being enqueued, so a quiet park publishes every item at once and a busy one in
/// batches of up to <see cref="MaxBatch"/>. One item a publish capped the stream at a few thousand
/// changes a second, seconds behind (Twin.Benchmarks --grains, docs/performance.md). A partition
/// keeps its items in the order they were handed over, so one twin's changes stay in order.
/// </summary>
public sealed class ChangePublisher(IClusterClient client)
{
    public const int MaxBatch = 256;

    private readonly Partition[] _partitions = [.. Enumerable.Range(0, TwinStreams.Partitions).Select(p => new Partition(p))];

    /// <summary>Completes once the item is on the stream; faults (with every item of its batch) when the stream refused it.</summary>
    public Task Publish(ChangeItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var partition = _partitions[TwinStreams.PartitionOf(item.Id)];
        var pending = new Pending(item);
        lock (partition.Gate)
        {
            partition.Queue.Add(pending);
            if (!partition.Pumping)
            {
                partition.Pumping = true;
                _ = Task.Run(() => Pump(partition));
            }
        }

        return pending.Published.Task;
    }

    private async Task Pump(Partition partition)
    {
        var stream = partition.Stream ??= client.GetStreamProvider(TwinStreams.Provider).GetStream<ChangeItem>(TwinStreams.ForPartition(partition.Number));
        while (true)
        {
            List<Pending> batch;
            lock (partition.Gate)
            {
                if (partition.Queue.Count == 0)
                {
                    partition.Pumping = false;
                    return;
                }

                var take = Math.Min(MaxBatch, partition.Queue.Count);
                batch = partition.Queue.GetRange(0, take);
                partition.Queue.RemoveRange(0, take);
            }

            try
            {
                await stream.OnNextBatchAsync(batch.ConvertAll(p => p.Item));
                batch.ForEach(p => p.Published.TrySetResult());
            }
            catch (Exception e)
            {
                batch.ForEach(p => p.Published.TrySetException(e));
            }
        }
    }

    private sealed class Partition(int number)
    {
        public int Number { get; } = number;

        public Lock Gate { get; } = new();

        public List<Pending> Queue { get; } = [];

        public bool Pumping { get; set; }

        public IAsyncStream<ChangeItem>? Stream { get; set; }
    }

    private sealed class Pending(ChangeItem item)
    {
        public ChangeItem Item { get; } = item;

        public TaskCompletionSource Published { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
