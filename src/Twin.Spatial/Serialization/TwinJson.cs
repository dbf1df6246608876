using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.IO.Converters;

namespace Twin.Spatial.Serialization;

/// <summary>
/// The one JSON shape of the twin, shared by grain storage, the HTTP API and the seed file:
/// camelCase names, enums as their names, geometry as RFC 7946 GeoJSON.
/// </summary>
public static class TwinJson
{
    /// <summary>Options for reading and writing twin JSON (immutable once built).</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Adds the twin's conventions to <paramref name="options"/> and returns it.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        if (!options.Converters.Any(c => c is JsonStringEnumConverter))
        {
            options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        }

        if (!options.Converters.Any(c => c is GeoJsonConverterFactory))
        {
            options.Converters.Add(new GeoJsonConverterFactory(TwinGeometry.Factory));
        }

        return options;
    }
}
