using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Hosting;
using Twin.Contracts.Security;
using Twin.Grains.Audit;
using Twin.Grains.Changes;

namespace Twin.Grains.Hosting;

/// <summary>What a silo needs to run the twin grains, whatever storage it uses.</summary>
public static class TwinGrainsSiloBuilderExtensions
{
    /// <summary>
    /// Changes flow on an in-cluster stream whose subscriptions live in the
    /// <see cref="TwinStorage.PubSub"/> store. The caller adds the storage providers named in
    /// <see cref="TwinStorage"/> (<see cref="TwinStorage.Readings"/> is the write-behind copy of
    /// reading twins, <see cref="WriteBehindOptions"/>), the twins' one with <c>Twin.Spatial.Serialization.TwinStorageSerializer</c>,
    /// and an <see cref="IAuditLog"/> (a silo without one keeps the audit trail in memory).
    /// </summary>
    public static ISiloBuilder AddTwinGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddOptions<WriteBehindOptions>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<IAuditLog, MemoryAuditLog>();
        silo.Services.TryAddSingleton<ChangePublisher>();
        silo.Services.TryAddSingleton<ILocalChangeFeed>(sp => sp.GetRequiredService<ChangePublisher>());
        // The stream carries changes between silos (a silo's own consumers take ILocalChangeFeed).
        // The pulling agents look for new changes every 25 ms instead of the default 100 ms:
        // that wait is most of a change's way from another silo to a browser when the park is quiet (10 ms cost
        // 7-13% of a core with nothing happening; issue 7's p99 of 100 ms leaves room for 25).
        // Up to 100 queued changes go to a subscriber in one delivery instead of one call per change
        // (a partition's subscriber gets one delivery at a time, so one call per change was the
        // stream's ceiling: Twin.Benchmarks --grains, docs/performance.md).
        // Delivered changes leave the stream's cache after 10 s instead of the default 5 min (every
        // subscriber starts at the latest change and none rewinds; 5 min of a busy park's changes was
        // most of the silo's heap after load). One still undelivered stays up to the default 30 min.
        silo.AddMemoryStreams(TwinStreams.Provider, streams =>
        {
            streams.ConfigurePullingAgent(agent => agent.Configure(o =>
            {
                o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(25);
                o.BatchContainerBatchSize = 100;
            }));
            streams.ConfigureCacheEviction(eviction => eviction.Configure(o => o.DataMinTimeInCache = TimeSpan.FromSeconds(10)));
        });
        return silo;
    }
}
