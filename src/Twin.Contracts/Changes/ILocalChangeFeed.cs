namespace Twin.Contracts.Changes;

/// <summary>
/// The changes committed by the twins active on this silo, handed to this silo's own consumers
/// in process, as they are committed: no queue, no poll, no copy. The change stream
/// (<see cref="TwinStreams"/>) carries the same items, stamped with <see cref="ChangeItem.Origin"/>,
/// to the other silos of the cluster; a consumer that takes both skips the stream's items of its
/// own <see cref="Origin"/>. A silo alone in its cluster puts nothing on the stream.
/// </summary>
public interface ILocalChangeFeed
{
    /// <summary>This silo, as <see cref="ChangeItem.Origin"/> names it.</summary>
    string Origin { get; }

    /// <summary>
    /// Raised on the committing grain's thread for every change, one twin's changes in order.
    /// Handlers must be quick and must not block: they run inside the commit.
    /// </summary>
    event Action<ChangeItem>? Committed;
}
