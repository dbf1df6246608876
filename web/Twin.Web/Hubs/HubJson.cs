using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MessagePack;
using MessagePack.Formatters;

namespace Twin.Web.Hubs;

/// <summary>
/// A hub message argument that is JSON already serialized to UTF-8: one value, or an array whose
/// elements were serialized separately (a change item is serialized once and shared by every topic
/// it goes to). SignalR's JSON protocol writes the bytes as they are, so browsers get plain JSON
/// values; the MessagePack protocol carries the same JSON text as one <c>bin</c>, for the client to
/// parse (see <see cref="Formatter"/>).
/// </summary>
[JsonConverter(typeof(HubJsonConverter))]
public sealed class HubJson
{
    private static readonly byte[] Open = "["u8.ToArray();
    private static readonly byte[] Comma = ","u8.ToArray();
    private static readonly byte[] Close = "]"u8.ToArray();

    private readonly ReadOnlyMemory<byte> _value;
    private readonly IReadOnlyList<ReadOnlyMemory<byte>>? _elements;

    private HubJson(ReadOnlyMemory<byte> value, IReadOnlyList<ReadOnlyMemory<byte>>? elements)
    {
        _value = value;
        _elements = elements;
    }

    /// <summary>An array of values, each one complete UTF-8 JSON.</summary>
    public static HubJson ArrayOf(IReadOnlyList<ReadOnlyMemory<byte>> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        return new(default, elements);
    }

    /// <summary>One value, serialized now with the twin's options.</summary>
    public static HubJson Of(JsonNode node, JsonSerializerOptions options) =>
        new(JsonSerializer.SerializeToUtf8Bytes(node, options), null);

    /// <summary>The elements of an array (empty for a single value).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Elements => _elements ?? [];

    /// <summary>The length of the JSON text, in bytes.</summary>
    public int Length => _elements is null ? _value.Length : 2 + Math.Max(0, _elements.Count - 1) + _elements.Sum(e => e.Length);

    /// <summary>The JSON text.</summary>
    public byte[] ToUtf8()
    {
        var buffer = new ArrayBufferWriter<byte>(Length);
        WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private void WriteTo(IBufferWriter<byte> output)
    {
        if (_elements is null)
        {
            output.Write(_value.Span);
            return;
        }

        output.Write(Open);
        for (var i = 0; i < _elements.Count; i++)
        {
            if (i > 0)
            {
                output.Write(Comma);
            }

            output.Write(_elements[i].Span);
        }

        output.Write(Close);
    }

    /// <summary>Writes the bytes into the JSON protocol's message as they are (they were written by <see cref="Utf8JsonWriter"/>).</summary>
    private sealed class HubJsonConverter : JsonConverter<HubJson>
    {
        public override HubJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return new HubJson(JsonSerializer.SerializeToUtf8Bytes(document.RootElement, options), null);
        }

        public override void Write(Utf8JsonWriter writer, HubJson value, JsonSerializerOptions options)
        {
            if (value._elements is null)
            {
                writer.WriteRawValue(value._value.Span, skipInputValidation: true);
                return;
            }

            writer.WriteStartArray();
            foreach (var element in value._elements)
            {
                writer.WriteRawValue(element.Span, skipInputValidation: true);
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>
    /// The MessagePack protocol's form: the JSON text as one <c>bin</c> (what a .NET client binds
    /// to <c>byte[]</c>). No transcoding to MessagePack maps: the server copies the bytes it made
    /// once for every protocol, and the client parses the JSON it needs, as lazily as it likes.
    /// </summary>
    public sealed class Formatter : IMessagePackFormatter<HubJson?>
    {
        public static readonly Formatter Instance = new();

        public void Serialize(ref MessagePackWriter writer, HubJson? value, MessagePackSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNil();
                return;
            }

            writer.WriteBinHeader(value.Length);
            if (value._elements is null)
            {
                writer.WriteRaw(value._value.Span);
                return;
            }

            writer.WriteRaw(Open);
            for (var i = 0; i < value._elements.Count; i++)
            {
                if (i > 0)
                {
                    writer.WriteRaw(Comma);
                }

                writer.WriteRaw(value._elements[i].Span);
            }

            writer.WriteRaw(Close);
        }

        public HubJson? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
            reader.TryReadNil() ? null : new HubJson(reader.ReadBytes()?.ToArray() ?? [], null);
    }
}
