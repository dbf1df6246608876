using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Twin.Spatial.Serialization;

namespace Twin.Web.Hubs;

/// <summary>
/// A change item as browsers get it: <c>{id, kind, version, at, zoneId, changed: {name: value},
/// geometry?}</c>, where <c>changed</c> holds the new values of the changed properties only (and
/// <c>updatedAt</c>) and <c>geometry</c> is present only when it changed. Only those properties are
/// serialized, straight to UTF-8, with the twin's JSON options: the rest of the state (a plant's 48
/// recent readings, a building's floors) is never touched.
/// </summary>
public static class ChangeItemJson
{
    private static readonly ConcurrentDictionary<Type, FrozenDictionary<string, JsonPropertyInfo>> PropertiesByType = new();

    // A writer asks its buffer for 4 KB at a time: keep one buffer and writer per thread for Create.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;

    /// <summary>The item as UTF-8 JSON.</summary>
    public static byte[] Create(TwinState latest, long at, IEnumerable<string> changed, bool geometryChanged)
    {
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = _threadWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        Write(writer, latest, at, changed, geometryChanged);
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 64 * 1024)
        {
            _threadBuffer = null; // an item with a large geometry: do not keep its buffer
            _threadWriter = null;
        }

        return bytes;
    }

    /// <summary>Options for a writer that <see cref="Write"/> writes to (the twin's escaping, no indenting).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = TwinJson.Options.Encoder, SkipValidation = true };

    /// <summary>Writes the item as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, TwinState latest, long at, IEnumerable<string> changed, bool geometryChanged)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(changed);
        var options = TwinJson.Options;
        var properties = PropertiesOf(latest.GetType());
        writer.WriteStartObject();
        writer.WriteString("id", latest.Id);
        writer.WriteString("kind", TwinIds.PrefixOf(latest.Kind));
        writer.WriteNumber("version", latest.Version);
        writer.WriteNumber("at", at);
        writer.WriteString("zoneId", latest.ZoneId);
        writer.WritePropertyName("changed");
        writer.WriteStartObject();
        JsonObject? whole = null;
        foreach (var name in changed)
        {
            if (name != "updatedAt" && properties.TryGetValue(name, out var property))
            {
                writer.WritePropertyName(name);
                if (property.CustomConverter is null)
                {
                    JsonSerializer.Serialize(writer, property.Get!(latest), property.PropertyType, options);
                }
                else
                {
                    // A converter of the property itself (none today) is applied only within its type: take it from the whole state.
                    whole ??= JsonSerializer.SerializeToNode(latest, latest.GetType(), options)!.AsObject();
                    JsonSerializer.Serialize(writer, whole[name], options);
                }
            }
        }

        writer.WritePropertyName("updatedAt");
        JsonSerializer.Serialize(writer, latest.UpdatedAt, options);
        writer.WriteEndObject();
        if (geometryChanged && latest.Geometry is not null)
        {
            writer.WritePropertyName("geometry");
            JsonSerializer.Serialize(writer, latest.Geometry, options);
        }

        writer.WriteEndObject();
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

    /// <summary>
    /// A state type's serialized properties by JSON name, as the twin's options see them (names,
    /// converters; an ignored property has no getter), built once per type.
    /// </summary>
    private static FrozenDictionary<string, JsonPropertyInfo> PropertiesOf(Type type) =>
        PropertiesByType.GetOrAdd(type, static t => TwinJson.Options.GetTypeInfo(t).Properties
            .Where(p => p.Get is not null)
            .ToFrozenDictionary(p => p.Name, StringComparer.Ordinal));
}
