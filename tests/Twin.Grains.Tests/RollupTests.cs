using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Twin.Seed;

namespace Twin.Grains.Tests;

/// <summary>
/// Zone and park figures are kept incrementally; here they are compared with a recount made
/// from every twin's state after many random commands, accepted and refused alike.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RollupTests(ClusterFixture fixture)
{
    private static readonly SyntheticParkOptions SmallPark = new() { Zones = 4, Buildings = 60, Enterprises = 40, Plants = 2, Stations = 12, Seed = 7 };
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task Zone_and_park_figures_equal_a_recount_after_random_changes_and_after_reactivation()
    {
        var seed = SeedReader.Read(await ToBytes(SyntheticPark.Generate(SmallPark)));
        Assert.Empty(seed.Errors);
        await new SeedImporter(_grains, NullLogger<SeedImporter>.Instance).ImportAsync(seed);
        var ids = seed.Twins.Where(t => t is not ParkState and not ZoneState).Select(t => t.Id).ToList();
        var random = new Random(1234);
        var accepted = 0;
        for (var i = 0; i < 600; i++)
        {
            accepted += await RandomCommand(ids[random.Next(ids.Count)], random) ? 1 : 0;
        }

        Assert.InRange(accepted, 100, 600); // the mix must exercise real changes, not only refusals
        await AssertFiguresEqualRecount(seed);

        // Figures are rebuilt from the members when a zone is activated again.
        await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await AssertFiguresEqualRecount(seed);
    }

    private async Task AssertFiguresEqualRecount(SeedDocument seed)
    {
        var park = (await _grains.GetGrain<IParkGrain>(TwinIds.Park).GetStats())!;
        var all = new List<TwinState>();
        foreach (var zone in seed.Twins.OfType<ZoneState>())
        {
            var members = await Task.WhenAll(seed.Twins.Where(t => t.ZoneId == zone.Id).Select(t => _grains.GetTwin(t.Id)!.GetState()));
            var states = members.OfType<TwinState>().ToList();
            all.AddRange(states);
            var stats = park.Zones.Single(z => z.ZoneId == zone.Id).Stats;
            AssertRecount(states, stats, park.ReportYear);
        }

        AssertRecount(all, park.Total, park.ReportYear);
    }

    /// <summary>The recount, written out independently of <see cref="Contribution"/>.</summary>
    private static void AssertRecount(List<TwinState> twins, TwinStats stats, int year)
    {
        var enterprises = twins.OfType<EnterpriseState>().ToList();
        var buildings = twins.OfType<BuildingState>().ToList();
        var plants = twins.OfType<PlantState>().Where(p => p.Status is PlantStatus.Operating or PlantStatus.Upgrading or PlantStatus.ExpansionApproved).ToList();
        foreach (var status in Enum.GetValues<EnterpriseStatus>())
        {
            Assert.Equal(enterprises.Count(e => e.Status == status), stats.Count(status));
        }

        Assert.Equal(enterprises.Count(e => e.Status is EnterpriseStatus.UnderConstruction or EnterpriseStatus.InProduction or EnterpriseStatus.Suspended), stats.EnterprisesSettled);
        Assert.Equal(enterprises.Count(e => e.AboveDesignatedSize && e.Status != EnterpriseStatus.Exited), stats.AboveDesignatedSize);
        foreach (var stage in Enum.GetValues<ConstructionStage>())
        {
            Assert.Equal(buildings.Count(b => b.Stage == stage), stats.Count(stage));
        }

        Assert.Equal(
            buildings.Where(b => b.Stage == ConstructionStage.Completed && b.Use == BuildingUse.Industrial).Sum(b => b.FloorArea),
            stats.CompletedFloorArea.GetValueOrDefault(BuildingUse.Industrial));
        Assert.Equal(buildings.Count(b => b.Stage == ConstructionStage.Completed && b.TenantId is null), stats.VacantCompletedBuildings);
        var figures = enterprises.SelectMany(e => e.Figures).Where(f => f.Month.StartsWith($"{year}-", StringComparison.Ordinal)).ToList();
        var ytd = stats.YearToDate(year);
        Assert.Equal(figures.Sum(f => f.Revenue), ytd.Revenue);
        Assert.Equal(figures.Sum(f => f.Tax), ytd.Tax);
        Assert.Equal(figures.Sum(f => f.Exports), ytd.Exports);
        // Count-only contributions (segments, stations) are shared between members in a zone: still one each.
        foreach (var status in Enum.GetValues<NetworkStatus>())
        {
            Assert.Equal(twins.OfType<NetworkSegmentState>().Count(n => n.Status == status), stats.NetworkByStatus.GetValueOrDefault(status));
        }

        foreach (var type in Enum.GetValues<StationType>())
        {
            Assert.Equal(twins.OfType<StationState>().Count(s => s.Station == type), stats.StationsByType.GetValueOrDefault(type));
        }

        Assert.Equal(plants.Sum(p => p.Latest?.Inflow ?? 0), stats.PlantInflow);
        Assert.Equal(plants.Count(p => p.Compliant), stats.PlantsCompliant);
    }

    private async Task<bool> RandomCommand(string id, Random random)
    {
        var result = TwinIds.TryGetKind(id, out var kind) ? kind switch
        {
            TwinKind.Building => await _grains.GetGrain<IBuildingGrain>(id).ReportProgress(RandomProgress((BuildingState)(await _grains.GetTwin(id)!.GetState())!, random)),
            TwinKind.Enterprise => random.Next(3) == 0
                ? await _grains.GetGrain<IEnterpriseGrain>(id).ChangeStatus(new EnterpriseStatusChange((EnterpriseStatus)random.Next(5)))
                : await _grains.GetGrain<IEnterpriseGrain>(id).ReportFigures(new EnterpriseFiguresReport(new MonthlyFigures
                {
                    Month = $"{2025 + random.Next(2)}-{1 + random.Next(12):D2}",
                    Revenue = random.Next(0, 10_000) / 10m,
                    Tax = random.Next(0, 1_000) / 10m,
                    Exports = random.Next(0, 3) == 0 ? random.Next(0, 500) : 0,
                })),
            TwinKind.Plant => await _grains.GetGrain<IPlantGrain>(id).RecordReading(new PlantReading(new EffluentReading
            {
                At = DateTimeOffset.UtcNow.AddSeconds(-random.Next(0, 3)),
                Inflow = random.Next(0, 30_000),
                Cod = random.Next(5, 80),
                Ammonia = random.Next(0, 8),
                TotalPhosphorus = random.Next(0, 10) / 10.0,
                Ph = 6 + (random.Next(0, 40) / 10.0),
            })),
            TwinKind.Network => await _grains.GetGrain<INetworkSegmentGrain>(id).ChangeStatus(new NetworkStatusChange((NetworkStatus)random.Next(5))),
            _ => null,
        } : null;
        return result?.IsAccepted ?? false;
    }

    private static BuildingProgress RandomProgress(BuildingState current, Random random)
    {
        var stage = (ConstructionStage)Math.Min(5, (int)current.Stage + random.Next(-1, 2));
        var floors = stage switch
        {
            ConstructionStage.Structure => Math.Clamp(current.FloorsBuilt + 1, 1, current.FloorsPlanned - 1),
            ConstructionStage.ToppedOut or ConstructionStage.Completed => current.FloorsPlanned,
            _ => random.Next(0, 2),
        };
        return new BuildingProgress(floors, stage);
    }

    private static async Task<byte[]> ToBytes(IReadOnlyList<TwinState> twins)
    {
        using var stream = new MemoryStream();
        await SeedWriter.WriteAsync(stream, twins);
        return stream.ToArray();
    }
}
