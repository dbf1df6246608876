using System.Text.Json;
using Twin.Contracts.Model;
using Twin.Contracts.Stats;
using Twin.Spatial.Serialization;

namespace Twin.Spatial.Tests.Stats;

/// <summary>One twin of each kind with figures in every field the stats count.</summary>
internal static class Twins
{
    public static EnterpriseState Enterprise(EnterpriseStatus status = EnterpriseStatus.InProduction, bool aboveSize = true) => new()
    {
        Id = "enterprise:test-pharma",
        Name = "测试制药有限公司",
        ZoneId = "zone:test",
        Industry = Industry.Pharma,
        Status = status,
        AboveDesignatedSize = aboveSize,
        BuildingIds = ["building:test-01"],
        Figures =
        [
            new MonthlyFigures { Month = "2026-01", Revenue = 1_200.50m, Tax = 60.03m, Exports = 0 },
            new MonthlyFigures { Month = "2026-02", Revenue = 900m, Tax = 45m, Exports = 12.5m },
            new MonthlyFigures { Month = "2026-03", Revenue = 0, Tax = 0, Exports = 0 },
        ],
    };

    public static BuildingState Building(ConstructionStage stage = ConstructionStage.Completed, string? tenantId = null) => new()
    {
        Id = "building:test-01",
        Name = "1号厂房",
        ZoneId = "zone:test",
        Use = BuildingUse.Service,
        FloorsPlanned = 5,
        FloorsBuilt = stage >= ConstructionStage.ToppedOut ? 5 : 0,
        Stage = stage,
        FloorArea = 9_000m,
        TenantId = tenantId,
    };

    public static PlantState Plant(PlantStatus status = PlantStatus.Operating, double cod = 30) => new()
    {
        Id = "plant:test",
        Name = "测试污水处理厂",
        ZoneId = "zone:test",
        Capacity = 10_000m,
        Status = status,
        Latest = new EffluentReading
        {
            At = new DateTimeOffset(2026, 10, 31, 8, 0, 0, TimeSpan.FromHours(8)),
            Inflow = 6_400m,
            Cod = cod,
            Ammonia = 1,
            TotalPhosphorus = 0.2,
            Ph = 7,
        },
    };

    public static NetworkSegmentState Road(NetworkStatus status = NetworkStatus.UnderConstruction) => new()
    {
        Id = "network:test-road",
        Name = "测试路",
        ZoneId = "zone:test",
        Network = NetworkType.Road,
        Status = status,
    };

    public static StationState Station(StationType type = StationType.AirQuality) => new()
    {
        Id = "station:test-air",
        Name = "大气检测站",
        ZoneId = "zone:test",
        Station = type,
    };

    public static FacilityState Facility() => new()
    {
        Id = "facility:test-centre",
        Name = "展示交易中心",
        ZoneId = "zone:test",
        Facility = FacilityType.ExhibitionCentre,
        Stage = ConstructionStage.ToppedOut,
    };

    /// <summary>Stats as the twin's JSON, so two can be compared field by field.</summary>
    public static string Json(TwinStats stats) => JsonSerializer.Serialize(stats, TwinJson.Options);
}
