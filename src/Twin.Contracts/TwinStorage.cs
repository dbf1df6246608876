namespace Twin.Contracts;

/// <summary>Names of the storage providers, shared by hosts and grains.</summary>
public static class TwinStorage
{
    /// <summary>Grain state of every twin.</summary>
    public const string Twins = "twins";

    /// <summary>Stream subscriptions (Orleans' default pub-sub store name).</summary>
    public const string PubSub = "PubSubStore";
}
