using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;
using Twin.Spatial;
using Twin.Spatial.Serialization;
using Twin.Web.Catalog;

namespace Twin.Web.Api;

/// <summary>Spatial questions answered from the in-memory index; distances in metres.</summary>
public static class SpatialApi
{
    /// <summary>The largest radius <c>near</c> takes, metres.</summary>
    public const double MaxRadius = 50_000;

    public static RouteGroupBuilder MapSpatialApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/spatial/at", At).WithSummary("Twins whose geometry covers a point");
        api.MapGet("/spatial/near", Near).WithSummary("Twins within a radius (metres) of a point, nearest first");
        api.MapPost("/spatial/within", Within)
            .Accepts<JsonElement>("application/geo+json", "application/json")
            .WithSummary("Twins lying within a GeoJSON polygon (a geometry or a Feature)");
        return api;
    }

    private static IResult At(TwinCatalog catalog, string? lon, string? lat)
    {
        if (CheckPoint(catalog, lon, lat, out var x, out var y) is { } problem)
        {
            return problem;
        }

        var hits = catalog.Index.At(x, y).Select(e => FeatureJson.Feature(catalog.Latest(e)));
        return TypedResults.Json(FeatureJson.Collection(hits));
    }

    private static IResult Near(TwinCatalog catalog, string? lon, string? lat, string? radius)
    {
        if (CheckPoint(catalog, lon, lat, out var x, out var y) is { } problem)
        {
            return problem;
        }

        if (!TryParse(radius, out var r) || r <= 0 || r > MaxRadius)
        {
            return Problems.Invalid("radius", $"radius is a distance in metres, above 0 and at most {MaxRadius:N0}");
        }

        var hits = catalog.Index.Near(x, y, r)
            .Select(h => FeatureJson.Feature(catalog.Latest(h.Entry), p => p["distance"] = Math.Round(h.Metres, 2)));
        return TypedResults.Json(FeatureJson.Collection(hits));
    }

    private static IResult Within(TwinCatalog catalog, JsonElement body)
    {
        if (!catalog.IsReady)
        {
            return Problems.Unavailable("the twin is still loading");
        }

        Geometry? area;
        try
        {
            var geometryJson = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("type", out var type) && type.ValueEquals("Feature")
                ? body.GetProperty("geometry")
                : body;
            area = geometryJson.Deserialize<Geometry>(TwinJson.Options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            return Problems.Invalid("geometry", $"not a GeoJSON polygon: {e.Message}");
        }

        if (GeometryValidator.Check(area, "Polygon", "MultiPolygon") is { } error)
        {
            return Problems.Invalid("geometry", error);
        }

        var hits = catalog.Index.Within(area!).Select(e => FeatureJson.Feature(catalog.Latest(e)));
        return TypedResults.Json(FeatureJson.Collection(hits));
    }

    private static IResult? CheckPoint(TwinCatalog catalog, string? lon, string? lat, out double x, out double y)
    {
        x = 0;
        y = 0;
        if (!catalog.IsReady)
        {
            return Problems.Unavailable("the twin is still loading");
        }

        if (!TryParse(lon, out x) || x is < -180 or > 180)
        {
            return Problems.Invalid("lon", "lon is a longitude in degrees, -180 to 180");
        }

        if (!TryParse(lat, out y) || y is < -90 or > 90)
        {
            return Problems.Invalid("lat", "lat is a latitude in degrees, -90 to 90");
        }

        return null;
    }

    private static bool TryParse(string? text, out double value) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);
}
