using System.Text.Json;
using System.Text.Json.Nodes;
using Twin.Spatial.Serialization;

namespace Twin.Web.Api;

/// <summary>A twin as an RFC 7946 GeoJSON Feature: <c>id</c>, geometry, and its state as properties with <c>kind</c>.</summary>
public static class FeatureJson
{
    public static JsonObject Feature(TwinState state, Action<JsonObject>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var properties = JsonSerializer.SerializeToNode(state, state.GetType(), TwinJson.Options)!.AsObject();
        properties.Remove("geometry");
        properties.Remove("id");
        properties.Remove("kind");
        properties.Insert(0, "kind", TwinIds.PrefixOf(state.Kind));
        extra?.Invoke(properties);
        return new JsonObject
        {
            ["type"] = "Feature",
            ["id"] = state.Id,
            ["geometry"] = state.Geometry is null ? null : JsonSerializer.SerializeToNode(state.Geometry, TwinJson.Options),
            ["properties"] = properties,
        };
    }

    public static JsonObject Collection(IEnumerable<JsonObject> features) => new()
    {
        ["type"] = "FeatureCollection",
        ["features"] = new JsonArray([.. features]),
    };
}
