namespace Twin.Contracts.Changes;

/// <summary>
/// The change stream: every committed change goes to one of <see cref="Partitions"/> streams,
/// chosen by a stable hash of the twin id, so one twin's changes stay in order while the load
/// spreads over the stream provider's queues.
/// </summary>
public static class TwinStreams
{
    public const string Provider = "twin-changes";

    public const string Namespace = "changes";

    public const int Partitions = 8;

    public static StreamId ForTwin(string twinId) => ForPartition(PartitionOf(twinId));

    public static StreamId ForPartition(int partition) => StreamId.Create(Namespace, partition.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>FNV-1a of the id: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static int PartitionOf(string twinId)
    {
        ArgumentNullException.ThrowIfNull(twinId);
        var hash = 2166136261u;
        foreach (var c in twinId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Partitions);
    }
}
