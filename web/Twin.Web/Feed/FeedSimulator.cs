using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twin.Contracts.Security;
using Twin.Web.Catalog;

namespace Twin.Web.Feed;

/// <summary>
/// A live feed for a twin with no sensors attached: plant and station readings every few seconds
/// (now and then over a permit limit), buildings rising floor by floor (days compressed into
/// seconds), enterprises moving through their lifecycle and monthly figures arriving. It sends
/// the same commands the API sends, through the same grains, so every rule applies.
/// </summary>
public sealed partial class FeedSimulator(
    IGrainFactory grains,
    TwinCatalog catalog,
    IOptions<FeedOptions> options,
    TimeProvider time,
    ILogger<FeedSimulator> logger) : BackgroundService
{
    /// <summary>The simulator's name in the audit trail (its readings, like any sensor's, are not audited one by one).</summary>
    public const string Actor = "system:feed";

    private readonly FeedOptions _options = options.Value;
    private readonly Random _random = new(options.Value.Seed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        while (!catalog.IsReady)
        {
            await Task.Delay(250, stoppingToken);
        }

        LogStarted(logger);
        var next = (Readings: 0.0, Construction: 0.0, Enterprise: 0.0);
        var elapsed = 0.0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            elapsed += 1;
            try
            {
                if (elapsed >= next.Readings)
                {
                    next.Readings = elapsed + _options.ReadingSeconds;
                    await SendReadings();
                }

                if (elapsed >= next.Construction)
                {
                    next.Construction = elapsed + _options.ConstructionSeconds;
                    await RaiseABuilding();
                }

                if (elapsed >= next.Enterprise)
                {
                    next.Enterprise = elapsed + _options.EnterpriseSeconds;
                    await MoveAnEnterprise();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed step (storage hiccup) is retried at the next tick; the feed goes on.
                LogStepFailed(logger, e);
            }
        }
    }

    private async Task SendReadings()
    {
        var now = time.GetUtcNow();
        foreach (var plant in catalog.All.OfType<PlantState>().Where(p => p.Status is PlantStatus.Operating or PlantStatus.Upgrading or PlantStatus.ExpansionApproved))
        {
            var exceed = _random.NextDouble() < _options.ExceedanceChance;
            var load = 0.55 + (_random.NextDouble() * 0.3);
            var limits = plant.Limits;
            await grains.GetGrain<IPlantGrain>(plant.Id).RecordReading(new PlantReading(new EffluentReading
            {
                At = now,
                Inflow = Math.Round(plant.Capacity * (decimal)load),
                Cod = Math.Round(limits.Cod * (exceed ? 1.1 + (_random.NextDouble() * 0.4) : 0.4 + (_random.NextDouble() * 0.4)), 1),
                Ammonia = Math.Round(limits.Ammonia * (0.2 + (_random.NextDouble() * 0.5)), 2),
                TotalPhosphorus = Math.Round(limits.TotalPhosphorus * (0.2 + (_random.NextDouble() * 0.5)), 3),
                Ph = Math.Round(6.8 + (_random.NextDouble() * 0.9), 2),
            }));
        }

        foreach (var station in catalog.All.OfType<StationState>().Where(s => s.Station != StationType.EnvironmentDisplay).Take(200))
        {
            var values = station.Station == StationType.AirQuality
                ? new Dictionary<string, double> { ["pm25"] = Round(15, 60), ["pm10"] = Round(30, 90), ["so2"] = Round(3, 15), ["no2"] = Round(10, 40), ["aqi"] = Round(30, 110) }
                : new Dictionary<string, double> { ["cod"] = Round(8, 45), ["ph"] = Round(6.6, 8.2), ["flow"] = Round(0, 120) };
            await grains.GetGrain<IStationGrain>(station.Id).RecordReading(new StationReadingReport(new StationReading { At = now, Values = values }));
        }
    }

    private async Task RaiseABuilding()
    {
        var rising = catalog.All.OfType<BuildingState>().Where(b => b.Stage != ConstructionStage.Completed).ToList();
        if (rising.Count == 0)
        {
            return;
        }

        var building = rising[_random.Next(rising.Count)];
        var (floors, stage) = building.Stage switch
        {
            ConstructionStage.Planned => (0, ConstructionStage.Piling),
            ConstructionStage.Piling => (0, ConstructionStage.Foundation),
            ConstructionStage.Foundation => (1, building.FloorsPlanned == 1 ? ConstructionStage.ToppedOut : ConstructionStage.Structure),
            ConstructionStage.Structure when building.FloorsBuilt + 1 < building.FloorsPlanned => (building.FloorsBuilt + 1, ConstructionStage.Structure),
            ConstructionStage.Structure => (building.FloorsPlanned, ConstructionStage.ToppedOut),
            _ => (building.FloorsPlanned, ConstructionStage.Completed),
        };
        // The simulator stands in for the operators: its business commands are audited under its name.
        AuditContext.Set(Actor, "building.progress");
        await grains.GetGrain<IBuildingGrain>(building.Id).ReportProgress(new BuildingProgress(floors, stage, building.Version));
    }

    private async Task MoveAnEnterprise()
    {
        var enterprises = catalog.All.OfType<EnterpriseState>().Where(e => e.Status != EnterpriseStatus.Exited).ToList();
        if (enterprises.Count == 0)
        {
            return;
        }

        var enterprise = enterprises[_random.Next(enterprises.Count)];
        var grain = grains.GetGrain<IEnterpriseGrain>(enterprise.Id);
        if (enterprise.Status == EnterpriseStatus.InProduction)
        {
            var month = time.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            AuditContext.Set(Actor, "enterprise.figures");
            var revenue = Math.Round((decimal)(100 + (_random.NextDouble() * 3_000)), 1);
            await grain.ReportFigures(new EnterpriseFiguresReport(new MonthlyFigures
            {
                Month = month,
                Revenue = revenue,
                Tax = Math.Round(revenue * (decimal)(0.03 + (_random.NextDouble() * 0.05)), 2),
                Exports = enterprise.Industry == Industry.MetalFurniture && _random.NextDouble() < 0.3 ? Math.Round(revenue * 0.2m, 1) : 0,
            }));
            return;
        }

        var next = enterprise.Status switch
        {
            EnterpriseStatus.Signed => EnterpriseStatus.UnderConstruction,
            _ => EnterpriseStatus.InProduction,
        };

        // Refused when its building is not finished yet: that is the rule working, not a failure.
        AuditContext.Set(Actor, "enterprise.status");
        await grain.ChangeStatus(new EnterpriseStatusChange(next, enterprise.Version));
    }

    private double Round(double min, double max) => Math.Round(min + (_random.NextDouble() * (max - min)), 1);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live feed simulator started")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A feed step failed; the feed goes on")]
    private static partial void LogStepFailed(ILogger logger, Exception exception);
}
