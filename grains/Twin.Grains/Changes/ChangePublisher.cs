using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Twin.Grains.Changes;

/// <summary>
/// The silo's one way out for committed changes. Every item goes at once to this silo's own
/// consumers (<see cref="ILocalChangeFeed.Committed"/>, on the committing grain's thread), and,
/// while the cluster has another silo, onto the change stream for theirs: each partition's items
/// as one stream batch (<c>OnNextBatchAsync</c>) while the previous batch of that partition is being
/// enqueued, in batches of up to <see cref="MaxBatch"/>. One item a publish capped the stream at a
/// few thousand changes a second; a silo's own changes through the stream waited for the pulling
/// agent's poll and were serialized and copied twice (docs/performance.md). A partition keeps its
/// items in the order they were handed over, so one twin's changes stay in order on both ways.
/// </summary>
public sealed partial class ChangePublisher(
    IClusterClient client,
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    ILogger<ChangePublisher> logger) : ILocalChangeFeed
{
    public const int MaxBatch = 256;

    private readonly Partition[] _partitions = [.. Enumerable.Range(0, TwinStreams.Partitions).Select(p => new Partition(p))];
    private volatile Peers? _peers;

    public string Origin { get; } = silo.SiloAddress.ToParsableString();

    public event Action<ChangeItem>? Committed;

    /// <summary>
    /// Hands the item to this silo's consumers, then to the stream when another silo is there;
    /// completes once it is on the stream (at once when it need not go there), and faults (with every
    /// item of its batch) when the stream refused it.
    /// </summary>
    public Task Publish(ChangeItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        DeliverLocally(item);
        if (!OtherSilosPresent())
        {
            return Task.CompletedTask;
        }

        var partition = _partitions[TwinStreams.PartitionOf(item.Id)];
        var pending = new Pending(item with { Origin = Origin });
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

    private void DeliverLocally(ChangeItem item)
    {
        try
        {
            Committed?.Invoke(item);
        }
        catch (Exception e)
        {
            // A consumer's fault is not the commit's: the change is written and goes on to the other silos.
            LogLocalDeliveryFailed(logger, item.Id, e);
        }
    }

    /// <summary>
    /// Whether a silo other than this one is joining, active or on its way out (its consumers still
    /// listen until it stops). Worked out again only when the membership's version moves.
    /// </summary>
    private bool OtherSilosPresent()
    {
        var snapshot = membership.CurrentSnapshot;
        if (_peers is { } peers && peers.Version == snapshot.Version)
        {
            return peers.Present;
        }

        var present = snapshot.Members.Any(m => !m.Key.Equals(silo.SiloAddress)
            && m.Value.Status is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Stopping);
        _peers = new Peers(snapshot.Version, present);
        return present;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A consumer on this silo failed on the change of {TwinId}")]
    private static partial void LogLocalDeliveryFailed(ILogger logger, string twinId, Exception exception);

    private sealed record Peers(MembershipVersion Version, bool Present);

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
