using System.Text.Json;
using Orleans.Storage;

namespace Twin.Spatial.Serialization;

/// <summary>
/// How twin state is written to grain storage: readable JSON with geometry as GeoJSON, in
/// <see cref="TwinJson"/>'s shape. Orleans' default (Newtonsoft) fails on NetTopologySuite
/// geometries, and its System.Text.Json serializer set as the silo default also takes over
/// Orleans' own pub-sub state, which it cannot read back; so this one is set per provider,
/// on the twins' storage only. Changing it later breaks rows already written.
/// </summary>
public sealed class TwinStorageSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(input, TwinJson.Options));

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.ToObjectFromJson<T>(TwinJson.Options)!;
    }
}
