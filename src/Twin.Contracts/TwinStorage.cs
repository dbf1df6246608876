namespace Twin.Contracts;

/// <summary>Names of the storage providers, shared by hosts and grains.</summary>
public static class TwinStorage
{
    /// <summary>Grain state of every twin.</summary>
    public const string Twins = "twins";

    /// <summary>
    /// Write-behind copies of reading twins (plants, stations): the latest state, written in
    /// batches within the flush interval; on activation the higher version of this and
    /// <see cref="Twins"/> wins.
    /// </summary>
    public const string Readings = "readings";

    /// <summary>Stream subscriptions (Orleans' default pub-sub store name).</summary>
    public const string PubSub = "PubSubStore";
}
