using Orleans.Hosting;

namespace Twin.Grains.Hosting;

/// <summary>What a silo needs to run the twin grains, whatever storage it uses.</summary>
public static class TwinGrainsSiloBuilderExtensions
{
    /// <summary>
    /// Changes flow on an in-cluster stream whose subscriptions live in the
    /// <see cref="TwinStorage.PubSub"/> store. The caller adds the storage providers named in
    /// <see cref="TwinStorage"/>, the twins' one with <c>Twin.Spatial.Serialization.TwinStorageSerializer</c>.
    /// </summary>
    public static ISiloBuilder AddTwinGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddMemoryStreams(TwinStreams.Provider);
        return silo;
    }
}
