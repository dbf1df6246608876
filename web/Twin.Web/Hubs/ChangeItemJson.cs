using System.Text.Json;
using System.Text.Json.Nodes;
using Twin.Spatial.Serialization;

namespace Twin.Web.Hubs;

/// <summary>
/// A change item as browsers get it: <c>{id, kind, version, at, zoneId, changed: {name: value},
/// geometry?}</c>, where <c>changed</c> holds the new values of the changed properties only and
/// <c>geometry</c> is present only when it changed.
/// </summary>
public static class ChangeItemJson
{
    public static JsonObject Create(TwinState latest, long at, IEnumerable<string> changed, bool geometryChanged)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var properties = JsonSerializer.SerializeToNode(latest, latest.GetType(), TwinJson.Options)!.AsObject();
        var values = new JsonObject();
        foreach (var name in changed)
        {
            if (properties.TryGetPropertyValue(name, out var value))
            {
                values[name] = value?.DeepClone();
            }
        }

        values["updatedAt"] = properties["updatedAt"]?.DeepClone();
        var item = new JsonObject
        {
            ["id"] = latest.Id,
            ["kind"] = TwinIds.PrefixOf(latest.Kind),
            ["version"] = latest.Version,
            ["at"] = at,
            ["zoneId"] = latest.ZoneId,
            ["changed"] = values,
        };
        if (geometryChanged && latest.Geometry is not null)
        {
            item["geometry"] = JsonSerializer.SerializeToNode(latest.Geometry, TwinJson.Options);
        }

        return item;
    }

    /// <summary>A statistics item: <c>changed</c> is the whole figures object of <paramref name="id"/>.</summary>
    public static JsonObject Stats(string id, long version, JsonObject figures) => new()
    {
        ["id"] = id,
        ["kind"] = "stats",
        ["version"] = version,
        ["at"] = version,
        ["zoneId"] = id.StartsWith("stats:zone:", StringComparison.Ordinal) ? id["stats:".Length..] : null,
        ["changed"] = figures,
    };
}
