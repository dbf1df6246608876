using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Twin.Contracts.Walls;
using Twin.Web.Hubs;

namespace Twin.Web.Walls;

/// <summary>
/// This process's bridge from the walls stream to its screens: every wall state a grain publishes
/// (on whichever silo) goes to the hub group of that wall here, as a <c>wall</c> message. A wall
/// grain calling the hub itself would reach only the screens connected to its own silo.
/// </summary>
public sealed partial class WallFanout(IClusterClient client, IHubContext<TwinHub> hub, ILogger<WallFanout> logger) : BackgroundService
{
    private StreamSubscriptionHandle<WallState>? _subscription;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stream = client.GetStreamProvider(TwinStreams.Provider).GetStream<WallState>(WallStreams.All);
        while (_subscription is null)
        {
            try
            {
                _subscription = await stream.SubscribeAsync(OnWall);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The pub-sub store may not answer yet while the silo starts.
                LogSubscribeFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_subscription is { } handle)
        {
            try
            {
                await handle.UnsubscribeAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSubscribeFailed(logger, e);
            }
        }

        await base.StopAsync(cancellationToken);
    }

    private Task OnWall(WallState state, StreamSequenceToken? token) =>
        hub.Clients.Group(TwinTopics.ForWall(state.WallId)).SendAsync(TwinTopics.WallMessage, state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Walls stream subscription failed")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
