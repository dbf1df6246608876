using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Twin.Web.Api;

/// <summary>Park and zone figures, from the zone grains' rollups.</summary>
public static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stats", GetPark).WithSummary("The park's figures, the 新三园 subtotal, each zone's, and next year's targets");
        api.MapGet("/stats/{zoneId}", GetZone).WithSummary("One zone's figures");
        return api;
    }

    private static async Task<IResult> GetPark(IGrainFactory grains)
    {
        var stats = await grains.GetGrain<IParkGrain>(TwinIds.Park).GetStats();
        if (stats is null)
        {
            return Problems.Unavailable("the park is not imported yet");
        }

        var park = StatsView.Of(stats.Total, stats.ReportYear);
        park["id"] = TwinIds.Park;
        park["newThreeParks"] = StatsView.Of(stats.NewThreeParks, stats.ReportYear);
        park["targets"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(stats.Targets, Twin.Spatial.Serialization.TwinJson.Options));
        park["zones"] = new JsonArray([.. stats.Zones.Select(z => (JsonNode)Zone(z, stats.ReportYear))]);
        return TypedResults.Json(park);
    }

    private static async Task<IResult> GetZone(string zoneId, IGrainFactory grains)
    {
        if (!TwinIds.IsKind(zoneId, TwinKind.Zone))
        {
            return Problems.NotFound(zoneId);
        }

        var zone = await grains.GetGrain<IZoneGrain>(zoneId).GetStats();
        if (zone is null)
        {
            return Problems.NotFound(zoneId);
        }

        var park = (ParkState?)await grains.GetGrain<IParkGrain>(TwinIds.Park).GetState();
        return TypedResults.Json(Zone(zone, park?.ReportYear ?? DateTime.UtcNow.Year));
    }

    private static JsonObject Zone(ZoneStats zone, int year)
    {
        var view = StatsView.Of(zone.Stats, year);
        view.Insert(0, "id", zone.ZoneId);
        view.Insert(1, "name", zone.Name);
        view.Insert(2, "newThreeParks", zone.NewThreeParks);
        view.Insert(3, "members", zone.Members);
        return view;
    }
}
