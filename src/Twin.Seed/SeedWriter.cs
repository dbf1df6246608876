using System.Text.Json;
using System.Text.Json.Nodes;
using Twin.Spatial.Serialization;

namespace Twin.Seed;

/// <summary>Writes twins as a seed file (the format <see cref="SeedReader"/> reads).</summary>
public static class SeedWriter
{
    private static readonly JsonSerializerOptions Indented = new(TwinJson.Options) { WriteIndented = false };

    public static JsonObject ToFeature(TwinState twin)
    {
        ArgumentNullException.ThrowIfNull(twin);
        var properties = JsonSerializer.SerializeToNode(twin, twin.GetType(), TwinJson.Options)!.AsObject();
        foreach (var bookkeeping in new[] { "id", "geometry", "version", "updatedAt" })
        {
            properties.Remove(bookkeeping);
        }

        properties.Remove("kind");
        properties.Insert(0, "kind", TwinIds.PrefixOf(twin.Kind));
        return new JsonObject
        {
            ["type"] = "Feature",
            ["id"] = twin.Id,
            ["geometry"] = twin.Geometry is null ? null : JsonSerializer.SerializeToNode(twin.Geometry, TwinJson.Options),
            ["properties"] = properties,
        };
    }

    public static async Task WriteAsync(Stream stream, IEnumerable<TwinState> twins, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(twins);
        var collection = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = new JsonArray([.. twins.Select(ToFeature)]),
        };
        await JsonSerializer.SerializeAsync(stream, collection, Indented, cancellationToken);
    }
}
