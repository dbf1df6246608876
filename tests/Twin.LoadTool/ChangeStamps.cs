using System.Text.Json;
using System.Text.Json.Serialization;

namespace Twin.LoadTool;

/// <summary>The id, version and at of one change item: all the load tool needs of it.</summary>
internal readonly record struct ChangeStamp(string Id, long Version, long At);

/// <summary>
/// The stamps of the items of one <c>changes</c> message, read by one walker for both protocols: the
/// JSON hub protocol hands this type's converter the argument's reader, the MessagePack clients pass
/// the bytes of their <c>bin</c> (the same JSON array) to <see cref="Parse"/>. The walker takes only
/// <c>id</c>, <c>version</c> and <c>at</c> and skips every other value, so a client's parse costs a
/// scan of the text rather than a DOM per message; the load tool shares the cores with the server,
/// and its own work shows up in the latency it measures.
/// </summary>
[JsonConverter(typeof(ChangeStampsConverter))]
internal sealed class ChangeStamps
{
    private ChangeStamps(List<ChangeStamp> items) => Items = items;

    public IReadOnlyList<ChangeStamp> Items { get; }

    /// <summary>Reads a JSON array of change items (the MessagePack clients' <c>bin</c>).</summary>
    public static ChangeStamps Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return Read(ref reader);
    }

    /// <summary>
    /// Walks the array the reader is on, leaving it on the array's end as a converter must. Names are
    /// compared with <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/>, not the raw
    /// span: the hub protocol's reader may run over a multi-segment buffer.
    /// </summary>
    internal static ChangeStamps Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"changes: expected an array, got {reader.TokenType}");
        }

        var items = new List<ChangeStamp>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? id = null;
            long version = 0, at = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    id = reader.GetString();
                }
                else if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    version = reader.GetInt64();
                }
                else if (reader.ValueTextEquals("at"u8))
                {
                    reader.Read();
                    at = reader.GetInt64();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            items.Add(new ChangeStamp(id ?? throw new JsonException("changes: an item without an id"), version, at));
        }

        return new ChangeStamps(items);
    }

    private sealed class ChangeStampsConverter : JsonConverter<ChangeStamps>
    {
        public override ChangeStamps Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ChangeStamps.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, ChangeStamps value, JsonSerializerOptions options) =>
            throw new NotSupportedException("The load tool only reads changes.");
    }
}
