using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using Twin.Spatial.Serialization;

namespace Twin.Seed;

/// <summary>
/// Reads a seed park (a GeoJSON FeatureCollection, see docs/seed-format.md) into twin states,
/// collecting every error with its feature id instead of stopping at the first.
/// </summary>
public static class SeedReader
{
    public static async Task<SeedDocument> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return Read(bytes);
    }

    /// <summary>The seed's identity as recorded by an import: the SHA-256 of the file's bytes.</summary>
    public static string Digest(ReadOnlySpan<byte> utf8Json) => Convert.ToHexStringLower(SHA256.HashData(utf8Json));

    public static SeedDocument Read(byte[] utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var digest = Digest(utf8Json);
        var twins = new List<TwinState>();
        var errors = new List<SeedError>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8Json);
        }
        catch (JsonException e)
        {
            return new SeedDocument([], [new SeedError("(file)", $"not JSON: {e.Message}")], digest);
        }

        if (root is not JsonObject || Text(root["type"]) != "FeatureCollection" || root["features"] is not JsonArray features)
        {
            return new SeedDocument([], [new SeedError("(file)", "not a GeoJSON FeatureCollection with a features array")], digest);
        }

        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i] as JsonObject;
            var id = feature?["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : $"(feature #{i})";
            try
            {
                if (ReadFeature(id, feature, errors) is { } twin)
                {
                    twins.Add(twin);
                }
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
            {
                // NetTopologySuite's GeoJSON reader says "not closed" or "unknown type" with ArgumentException.
                var path = (e as JsonException)?.Path?.TrimStart('$', '.');
                errors.Add(new SeedError(id, $"{path} {e.Message}".Trim()));
            }
        }

        return new SeedDocument(twins, errors, digest);
    }

    private static TwinState? ReadFeature(string id, JsonObject? feature, List<SeedError> errors)
    {
        if (feature is null || Text(feature["type"]) != "Feature")
        {
            errors.Add(new SeedError(id, "not a GeoJSON Feature"));
            return null;
        }

        if (!TwinIds.TryGetKind(id, out var kind))
        {
            errors.Add(new SeedError(id, "the id is not kind:slug with a known kind (lower-case letters, digits, '-', '_', '.')"));
            return null;
        }

        if (feature["properties"] is not JsonObject properties)
        {
            errors.Add(new SeedError(id, "properties are missing"));
            return null;
        }

        var declared = Text(properties["kind"]);
        if (declared != TwinIds.PrefixOf(kind))
        {
            errors.Add(new SeedError(id, $"kind '{declared}' does not match the id's prefix '{TwinIds.PrefixOf(kind)}'"));
            return null;
        }

        var body = (JsonObject)properties.DeepClone();
        body.Remove("kind");
        body["id"] = id;
        var type = kind switch
        {
            TwinKind.Park => typeof(ParkState),
            TwinKind.Zone => typeof(ZoneState),
            TwinKind.Building => typeof(BuildingState),
            TwinKind.Enterprise => typeof(EnterpriseState),
            TwinKind.Plant => typeof(PlantState),
            TwinKind.Network => typeof(NetworkSegmentState),
            TwinKind.Station => typeof(StationState),
            TwinKind.Facility => typeof(FacilityState),
            _ => throw new InvalidOperationException($"no state type for {kind}"),
        };
        var state = (TwinState)body.Deserialize(type, TwinJson.Options)!;
        var geometry = feature["geometry"]?.Deserialize<Geometry>(TwinJson.Options);
        return state with { Geometry = geometry, Version = 0 };
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
