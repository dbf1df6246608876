using Twin.Planning.Scenarios;
using Twin.Spatial;

namespace Twin.Grains.Tests.Planning;

/// <summary>
/// A small park of its own for one scenario test: one pharma zone with two vacant completed
/// buildings (A, B), one vacant building still rising (C), one building held by a hazardous
/// enterprise, a Signed enterprise without a building, and the plant serving the zone.
/// </summary>
internal sealed class ScenarioPark
{
    public required ZoneState Zone { get; init; }

    public required BuildingState A { get; init; }

    public required BuildingState B { get; init; }

    public required BuildingState C { get; init; }

    public required BuildingState Hazardous { get; init; }

    public required EnterpriseState Chemist { get; init; }

    public required EnterpriseState Signed { get; init; }

    public required PlantState Plant { get; init; }

    public IEnumerable<string> Ids => [Zone.Id, A.Id, B.Id, C.Id, Hazardous.Id, Chemist.Id, Signed.Id, Plant.Id];

    public static async Task<ScenarioPark> Create(IGrainFactory grains, string? signedId = null)
    {
        var zone = await TestTwins.Zone(grains);
        var chemistId = TestTwins.Unique("enterprise");
        var a = await Building(grains, zone.Id, ConstructionStage.Completed, 0, null);
        var b = await Building(grains, zone.Id, ConstructionStage.Completed, 1, null);
        var c = await Building(grains, zone.Id, ConstructionStage.Structure, 2, null, new DateOnly(2027, 5, 1));
        var hazardous = await Building(grains, zone.Id, ConstructionStage.Completed, 3, chemistId);
        var chemist = await Create(grains, new EnterpriseState
        {
            Id = chemistId,
            Name = "测试化工有限公司",
            ZoneId = zone.Id,
            Industry = Industry.SaltChemical,
            Status = EnterpriseStatus.InProduction,
            BuildingIds = [hazardous.Id],
            HazardClass = 3,
            Geometry = hazardous.Geometry!.InteriorPoint,
        });
        var signed = await Create(grains, new EnterpriseState
        {
            Id = signedId ?? TestTwins.Unique("enterprise"),
            Name = "签约药业有限公司",
            ZoneId = zone.Id,
            Industry = Industry.Pharma,
            Status = EnterpriseStatus.Signed,
            Geometry = TwinGeometry.Point(115.505, 27.905),
        });
        var plant = await Create(grains, new PlantState
        {
            Id = TestTwins.Unique("plant"),
            Name = "测试污水处理厂",
            ZoneId = zone.Id,
            ZonesServed = [zone.Id],
            Capacity = 1000,
            Status = PlantStatus.Operating,
            Latest = new EffluentReading { At = DateTimeOffset.UtcNow.AddHours(-1), Inflow = 400, Cod = 30, Ammonia = 1, TotalPhosphorus = 0.2, Ph = 7 },
            Geometry = TwinGeometry.Point(115.509, 27.909),
        });
        await grains.GetGrain<IZoneGrain>(zone.Id).AddMembers([a.Id, b.Id, c.Id, hazardous.Id, chemist.Id, signed.Id, plant.Id]);
        return new ScenarioPark { Zone = zone, A = a, B = b, C = c, Hazardous = hazardous, Chemist = chemist, Signed = signed, Plant = plant };
    }

    /// <summary>The live facts of this park now, read from its grains.</summary>
    public async Task<LiveSnapshot> Snapshot(IGrainFactory grains) =>
        Snapshots.Take(await States(grains), 115.505, 27.905, DateTimeOffset.UtcNow);

    public async Task<List<TwinState>> States(IGrainFactory grains)
    {
        var states = new List<TwinState>();
        foreach (var id in Ids)
        {
            states.Add((await grains.GetTwin(id)!.GetState())!);
        }

        return states;
    }

    private static async Task<BuildingState> Building(IGrainFactory grains, string zoneId, ConstructionStage stage, int slot, string? tenantId, DateOnly? expected = null)
    {
        // Buildings 300 m apart east-west, so the hazardous one (slot 3) is far from A and B.
        var west = 115.500 + (slot * 0.003);
        return await Create(grains, new BuildingState
        {
            Id = TestTwins.Unique("building"),
            Name = $"{slot + 1}号厂房",
            ZoneId = zoneId,
            Phase = 3,
            FloorsPlanned = 4,
            FloorsBuilt = stage >= ConstructionStage.ToppedOut ? 4 : stage == ConstructionStage.Structure ? 2 : 0,
            Stage = stage,
            FloorArea = 6_000,
            TenantId = tenantId,
            ExpectedCompletion = expected,
            Geometry = TwinGeometry.Box(west, 27.901, west + 0.0008, 27.9016),
        });
    }

    private static async Task<T> Create<T>(IGrainFactory grains, T state)
        where T : TwinState => (T)(await grains.GetTwin(state.Id)!.Create(state)).State!;
}
