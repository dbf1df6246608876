using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Twin.Web.Catalog;

/// <summary>
/// Keeps this process's <see cref="TwinCatalog"/> current: once the seed is imported it takes this
/// silo's own changes from its <see cref="ILocalChangeFeed"/> (when the web front is co-hosted in a
/// silo) and subscribes to every partition of the change stream for the other silos', then loads
/// every twin — from the silo's <see cref="ITwinSnapshot"/> (a few paged table queries) when there
/// is one, else through each zone's members' grains — so nothing committed during the load is
/// missed (versions decide which state wins).
/// </summary>
public sealed partial class CatalogFeed(IClusterClient client, TwinCatalog catalog, ILogger<CatalogFeed> logger, IServiceProvider services) : BackgroundService
{
    private const int ReadConcurrency = 64;
    private readonly List<StreamSubscriptionHandle<ChangeItem>> _subscriptions = [];
    private readonly ILocalChangeFeed? _local = services.GetService<ILocalChangeFeed>();

    /// <summary>Raised for every change item this process receives, after the catalog took it.</summary>
    public event Action<ChangeItem>? Changed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var park = client.GetGrain<IParkGrain>(TwinIds.Park);
        while (await park.GetImportedSeed() is null)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken);
        }

        if (_local is not null)
        {
            _local.Committed += OnLocalChange;
        }

        // Every partition at once: each subscription is a pub-sub grain call and a storage write.
        var provider = client.GetStreamProvider(TwinStreams.Provider);
        _subscriptions.AddRange(await Task.WhenAll(Enumerable.Range(0, TwinStreams.Partitions)
            .Select(p => provider.GetStream<ChangeItem>(TwinStreams.ForPartition(p)).SubscribeAsync(OnChange))));

        var parkState = (ParkState?)await park.GetState() ?? throw new InvalidOperationException("the park is missing after import");
        catalog.Apply(parkState);
        if (services.GetService<ITwinSnapshot>() is { } snapshot)
        {
            foreach (var state in (await snapshot.ReadAsync(stoppingToken)).Values)
            {
                catalog.Apply(state);
            }
        }
        else
        {
            await LoadThroughGrains(parkState);
        }

        catalog.CompleteLoad(parkState.Geometry?.EnvelopeInternal ?? new NetTopologySuite.Geometries.Envelope(115.5, 115.5, 27.9, 27.9));
        LogLoaded(logger, catalog.Count);
    }

    private async Task LoadThroughGrains(ParkState parkState)
    {
        foreach (var zoneId in parkState.ZoneIds)
        {
            var zone = client.GetGrain<IZoneGrain>(zoneId);
            if (await zone.GetState() is { } zoneState)
            {
                catalog.Apply(zoneState);
            }

            foreach (var chunk in (await zone.GetMembers()).Chunk(ReadConcurrency))
            {
                foreach (var state in await Task.WhenAll(chunk.Select(id => client.GetTwin(id)!.GetState())))
                {
                    if (state is not null)
                    {
                        catalog.Apply(state);
                    }
                }
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_local is not null)
        {
            _local.Committed -= OnLocalChange;
        }

        // Leave no subscription of this process behind in the pub-sub store.
        foreach (var handle in _subscriptions)
        {
            try
            {
                await handle.UnsubscribeAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogUnsubscribeFailed(logger, e);
            }
        }

        await base.StopAsync(cancellationToken);
    }

    private Task OnChange(ChangeItem item, StreamSequenceToken? token)
    {
        // This silo's own changes came through the local feed already.
        if (_local is null || !string.Equals(item.Origin, _local.Origin, StringComparison.Ordinal))
        {
            Take(item);
        }

        return Task.CompletedTask;
    }

    private void OnLocalChange(ChangeItem item) => Take(item, grainsOwn: true);

    private void Take(ChangeItem item, bool grainsOwn = false)
    {
        if (!catalog.Apply(item.State, grainsOwn) && catalog.Find(item.Id) is { } newer && newer.Version > item.Version)
        {
            // A late item (a twin that moved silos can overtake its last change on the other way):
            // what it changed is still news, with the newer state's values.
            item = item with { Version = newer.Version, At = newer.UpdatedAt.ToUnixTimeMilliseconds(), State = newer };
        }

        Changed?.Invoke(item);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog loaded: {Count} twins")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not unsubscribe from the change stream")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);
}
