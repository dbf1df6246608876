using Twin.Spatial;

namespace Twin.Grains.Tests;

/// <summary>Small twins made for one test each, with ids no other test uses.</summary>
internal static class TestTwins
{
    private static int _next;

    public static string Unique(string prefix) => $"{prefix}:t{Interlocked.Increment(ref _next):D5}-{Guid.NewGuid().ToString("N")[..12]}";

    public static async Task<ZoneState> Zone(IGrainFactory grains)
    {
        var zone = new ZoneState
        {
            Id = Unique("zone"),
            Name = "测试园区",
            SubPark = "测试园区",
            Industry = ZoneIndustry.Pharma,
            Geometry = TwinGeometry.Box(115.50, 27.90, 115.51, 27.91),
        };
        return (ZoneState)(await grains.GetTwin(zone.Id)!.Create(zone)).State!;
    }

    /// <summary>Creates <paramref name="count"/> buildings at one floor of ten and raises each to four, all at once, each one's commands in order.</summary>
    public static async Task<BuildingState[]> RiseThreeFloors(IGrainFactory grains, string zoneId, int count)
    {
        var buildings = await Task.WhenAll(Enumerable.Range(0, count).Select(_ =>
            Building(grains, zoneId, ConstructionStage.Structure, floorsPlanned: 10, floorsBuilt: 1)));
        await Task.WhenAll(buildings.Select(async b =>
        {
            for (var floors = 2; floors <= 4; floors++)
            {
                var result = await grains.Get<IBuildingGrain>(b.Id).ReportProgress(new BuildingProgress(floors, ConstructionStage.Structure));
                Assert.True(result.IsAccepted, result.Error);
            }
        }));
        return buildings;
    }

    public static async Task<BuildingState> Building(IGrainFactory grains, string zoneId, ConstructionStage stage, int floorsPlanned = 5, int? floorsBuilt = null, string? tenantId = null)
    {
        var building = new BuildingState
        {
            Id = Unique("building"),
            Name = "1号厂房",
            ZoneId = zoneId,
            Phase = 3,
            FloorsPlanned = floorsPlanned,
            FloorsBuilt = floorsBuilt ?? (stage >= ConstructionStage.ToppedOut ? floorsPlanned : stage == ConstructionStage.Structure ? 1 : 0),
            Stage = stage,
            FloorArea = 6_000,
            TenantId = tenantId,
            Geometry = TwinGeometry.Box(115.501, 27.901, 115.5015, 27.9013),
        };
        var created = (BuildingState)(await grains.GetTwin(building.Id)!.Create(building)).State!;
        await grains.GetGrain<IZoneGrain>(zoneId).AddMembers([created.Id]);
        return created;
    }

    public static async Task<EnterpriseState> Enterprise(IGrainFactory grains, string zoneId, EnterpriseStatus status, params string[] buildingIds)
    {
        var enterprise = new EnterpriseState
        {
            Id = Unique("enterprise"),
            Name = "测试药业有限公司",
            ZoneId = zoneId,
            Industry = Industry.Pharma,
            Status = status,
            BuildingIds = buildingIds,
            Geometry = TwinGeometry.Point(115.5012, 27.9011),
        };
        var created = (EnterpriseState)(await grains.GetTwin(enterprise.Id)!.Create(enterprise)).State!;
        await grains.GetGrain<IZoneGrain>(zoneId).AddMembers([created.Id]);
        return created;
    }

    /// <summary>Two states are the same when their JSON is (records compare lists by reference).</summary>
    public static void AssertSameState(TwinState expected, TwinState? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(expected, expected.GetType(), Twin.Spatial.Serialization.TwinJson.Options),
            System.Text.Json.JsonSerializer.Serialize(actual, actual.GetType(), Twin.Spatial.Serialization.TwinJson.Options));
    }
}
