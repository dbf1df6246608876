using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;
using Twin.Web.Catalog;

namespace Twin.Web.Api;

/// <summary>Reading the twins: lists as GeoJSON from the catalog, one twin from its grain, its relations.</summary>
public static class TwinApi
{
    public static RouteGroupBuilder MapTwinApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/features", GetFeatures)
            .WithSummary("Twins as a GeoJSON FeatureCollection, filtered by kind, zone and bbox (minLon,minLat,maxLon,maxLat)");
        api.MapGet("/twins/{id}", GetTwin).WithSummary("One twin as a GeoJSON Feature, read from its grain");
        api.MapGet("/twins/{id}/related", GetRelated).WithSummary("A twin's relations: zone, tenant, buildings, plants, members");
        return api;
    }

    private static IResult GetFeatures(TwinCatalog catalog, string? kind = null, string? zone = null, string? bbox = null)
    {
        if (!catalog.IsReady)
        {
            return Problems.Unavailable("the twin is still loading");
        }

        TwinKind? kindFilter = null;
        if (kind is not null)
        {
            if (!Enum.TryParse<TwinKind>(kind, ignoreCase: true, out var k) || !Enum.IsDefined(k) || int.TryParse(kind, out _))
            {
                return Problems.Invalid("kind", $"'{kind}' is not a kind; use one of {string.Join(", ", Enum.GetNames<TwinKind>().Select(n => n.ToLowerInvariant()))}");
            }

            kindFilter = k;
        }

        if (zone is not null && catalog.Find(zone) is not ZoneState)
        {
            return TwinIds.IsKind(zone, TwinKind.Zone) ? Problems.NotFound(zone) : Problems.Invalid("zone", $"'{zone}' is not a zone id (zone:slug)");
        }

        IEnumerable<TwinState> twins = catalog.All;
        if (bbox is not null)
        {
            if (!TryParseBbox(bbox, out var window))
            {
                return Problems.Invalid("bbox", "bbox is minLon,minLat,maxLon,maxLat in degrees, min below max");
            }

            twins = catalog.Index.Window(window).Select(catalog.Latest);
        }

        var selected = twins
            .Where(t => kindFilter is null || t.Kind == kindFilter)
            .Where(t => zone is null || t.ZoneId == zone || t.Id == zone)
            .OrderBy(t => t.Kind).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => FeatureJson.Feature(t));
        return TypedResults.Json(FeatureJson.Collection(selected));
    }

    private static async Task<IResult> GetTwin(string id, IGrainFactory grains)
    {
        var grain = grains.GetTwin(id);
        var state = grain is null ? null : await grain.GetState();
        return state is null ? Problems.NotFound(id) : TypedResults.Json(FeatureJson.Feature(state));
    }

    private static async Task<IResult> GetRelated(string id, IGrainFactory grains, TwinCatalog catalog)
    {
        var grain = grains.GetTwin(id);
        var state = grain is null ? null : await grain.GetState();
        if (state is null)
        {
            return Problems.NotFound(id);
        }

        var related = new JsonObject { ["id"] = id, ["kind"] = TwinIds.PrefixOf(state.Kind) };
        var zoneId = state is ZoneState ? state.Id : state.ZoneId;
        if (state is not ParkState and not ZoneState)
        {
            related["zone"] = Ref(catalog, state.ZoneId);
        }

        if (state is ZoneState or ParkState)
        {
            related["park"] = Ref(catalog, TwinIds.Park);
        }

        switch (state)
        {
            case BuildingState b:
                related["tenant"] = Ref(catalog, b.TenantId);
                break;
            case EnterpriseState e:
                related["buildings"] = Refs(catalog, e.BuildingIds);
                break;
            case PlantState p:
                related["zonesServed"] = Refs(catalog, p.ZonesServed);
                break;
            case ParkState p:
                related["zones"] = Refs(catalog, p.ZoneIds);
                break;
            case ZoneState z:
                related["members"] = Refs(catalog, await grains.GetGrain<IZoneGrain>(z.Id).GetMembers());
                break;
        }

        if (zoneId is not null)
        {
            related["plants"] = Refs(catalog, catalog.PlantsServing(zoneId).Select(p => p.Id));
        }

        return TypedResults.Json(related);
    }

    private static JsonObject? Ref(TwinCatalog catalog, string? id)
    {
        if (id is null)
        {
            return null;
        }

        var twin = catalog.Find(id);
        return new JsonObject
        {
            ["id"] = id,
            ["kind"] = TwinIds.TryGetKind(id, out var kind) ? TwinIds.PrefixOf(kind) : null,
            ["name"] = twin?.Name,
            ["version"] = twin?.Version,
        };
    }

    private static JsonArray Refs(TwinCatalog catalog, IEnumerable<string> ids) => new([.. ids.Order(StringComparer.Ordinal).Select(id => Ref(catalog, id))]);

    internal static bool TryParseBbox(string text, out Envelope window)
    {
        window = new Envelope();
        var parts = text.Split(',');
        var values = new double[4];
        if (parts.Length != 4)
        {
            return false;
        }

        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                return false;
            }
        }

        if (values[0] > values[2] || values[1] > values[3] || values[0] < -180 || values[2] > 180 || values[1] < -90 || values[3] > 90)
        {
            return false;
        }

        window = new Envelope(values[0], values[2], values[1], values[3]);
        return true;
    }
}
