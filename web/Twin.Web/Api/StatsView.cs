using System.Text.Json.Nodes;

namespace Twin.Web.Api;

/// <summary>The figures as the report quotes them: counts by status and stage, year to date, plant load.</summary>
public static class StatsView
{
    public static JsonObject Of(TwinStats s, int year)
    {
        ArgumentNullException.ThrowIfNull(s);
        var ytd = s.YearToDate(year);
        return new JsonObject
        {
            ["enterprises"] = new JsonObject
            {
                ["settled"] = s.EnterprisesSettled,
                ["signed"] = s.Count(EnterpriseStatus.Signed),
                ["underConstruction"] = s.Count(EnterpriseStatus.UnderConstruction),
                ["inProduction"] = s.Count(EnterpriseStatus.InProduction),
                ["suspended"] = s.Count(EnterpriseStatus.Suspended),
                ["exited"] = s.Count(EnterpriseStatus.Exited),
                ["aboveDesignatedSize"] = s.AboveDesignatedSize,
            },
            ["figures"] = new JsonObject
            {
                ["year"] = year,
                ["revenue"] = ytd.Revenue,
                ["tax"] = ytd.Tax,
                ["exports"] = ytd.Exports,
                ["monthly"] = new JsonArray([.. s.Monthly.Select(m => (JsonNode)new JsonObject
                {
                    ["month"] = m.Key,
                    ["revenue"] = m.Value.Revenue,
                    ["tax"] = m.Value.Tax,
                    ["exports"] = m.Value.Exports,
                })]),
            },
            ["buildings"] = new JsonObject
            {
                ["total"] = s.BuildingsByStage.Values.Sum(),
                ["byStage"] = ByName(Enum.GetValues<ConstructionStage>(), st => s.Count(st)),
                ["vacantCompleted"] = s.VacantCompletedBuildings,
                ["completedFloorArea"] = ByName(Enum.GetValues<BuildingUse>(), u => s.CompletedFloorArea.GetValueOrDefault(u)),
                ["plannedFloorArea"] = ByName(Enum.GetValues<BuildingUse>(), u => s.PlannedFloorArea.GetValueOrDefault(u)),
            },
            ["plants"] = new JsonObject
            {
                ["total"] = s.PlantsByStatus.Values.Sum(),
                ["byStatus"] = ByName(Enum.GetValues<PlantStatus>(), p => s.PlantsByStatus.GetValueOrDefault(p)),
                ["compliant"] = s.PlantsCompliant,
                ["capacity"] = s.PlantCapacity,
                ["inflow"] = s.PlantInflow,
                ["load"] = s.PlantCapacity == 0 ? 0 : Math.Round(s.PlantInflow / s.PlantCapacity, 4),
            },
            ["network"] = ByName(Enum.GetValues<NetworkStatus>(), n => s.NetworkByStatus.GetValueOrDefault(n)),
            ["stations"] = ByName(Enum.GetValues<StationType>(), t => s.StationsByType.GetValueOrDefault(t)),
            ["facilities"] = s.Facilities,
        };
    }

    private static JsonObject ByName<TEnum, TValue>(IEnumerable<TEnum> keys, Func<TEnum, TValue> value)
        where TEnum : struct, Enum
    {
        var result = new JsonObject();
        foreach (var key in keys)
        {
            var name = key.ToString();
            result[char.ToLowerInvariant(name[0]) + name[1..]] = JsonValue.Create(value(key));
        }

        return result;
    }
}
