using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Serialization;
using Twin.Spatial.Serialization;

namespace Twin.Grains.Hosting;

/// <summary>What a silo needs to run the twin grains, whatever storage it uses.</summary>
public static class TwinGrainsSiloBuilderExtensions
{
    /// <summary>
    /// Grain state is stored as System.Text.Json with geometry as GeoJSON (the default
    /// Newtonsoft serializer fails on NetTopologySuite geometries), and changes flow on an
    /// in-cluster stream whose subscriptions live in the <see cref="TwinStorage.PubSub"/> store.
    /// The caller adds the storage providers named in <see cref="TwinStorage"/>.
    /// </summary>
    public static ISiloBuilder AddTwinGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(o => TwinJson.Configure(o.JsonSerializerOptions));
        silo.AddMemoryStreams(TwinStreams.Provider);
        return silo;
    }
}
