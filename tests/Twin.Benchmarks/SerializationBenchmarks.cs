using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Twin.Spatial;
using Twin.Spatial.Serialization;
using Twin.Web.Hubs;

namespace Twin.Benchmarks;

/// <summary>
/// What one change costs in serialization on its way: the grain's diff (as <c>StateDiff</c> does it:
/// both states to JSON nodes, compared), the grain-storage write payload, the Orleans serializer
/// round trip of the <see cref="ChangeItem"/> on the stream, and the browser's change item JSON
/// (the way before fix 4 beside today's).
/// </summary>
[BenchmarkCategory("serialization")]
public class SerializationBenchmarks
{
    private static readonly ImmutableArray<string> PlantChanged = ["latest", "recent"];
    private static readonly ImmutableArray<string> BuildingChanged = ["floorsBuilt"];
    private static readonly ImmutableArray<string> OldPlantReading = ["latest", "recent", "compliant"];
    private static readonly ImmutableArray<string> PlantReading = ["latest", "compliant"];
    private static readonly ImmutableArray<string> StationReading = ["latest"];
    private static readonly ImmutableArray<string> BuildingProgress = ["floorsBuilt", "stage"];
    private static readonly ImmutableArray<string> EnterpriseStatus = ["status"];
    private readonly TwinStorageSerializer _storage = new();
    private ServiceProvider _services = null!;
    private Serializer _serializer = null!;
    private ChangeItem _buildingItem = null!;
    private ChangeItem _plantItem = null!;
    private long _at;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection()
            .AddSerializer(builder => builder
                .AddAssembly(typeof(TwinGeometry).Assembly)
                .AddAssembly(typeof(TwinState).Assembly))
            .BuildServiceProvider();
        _serializer = _services.GetRequiredService<Serializer>();
        _at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _buildingItem = new ChangeItem(SampleTwins.BuildingNext.Id, TwinKind.Building, 8, _at, BuildingChanged, false, SampleTwins.BuildingNext);
        _plantItem = new ChangeItem(SampleTwins.PlantNext.Id, TwinKind.Plant, SampleTwins.PlantNext.Version, _at, PlantChanged, false, SampleTwins.PlantNext);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    // The browser's change item, as the hub sends it (UTF-8 JSON). "old" is the way it was made
    // until fix 4 (a copy below): the whole state to a JsonObject, the changed properties deep-cloned
    // out of it, and `recent` named on every plant reading; "new" is ChangeItemJson now.

    [Benchmark(Description = "old: change item plant reading (latest, recent, compliant)")]
    public byte[] OldItemPlant() => OldChangeItemBytes(SampleTwins.PlantNext, _at, OldPlantReading, geometryChanged: false);

    [Benchmark(Description = "new: change item plant reading (latest, compliant)")]
    public byte[] NewItemPlant() => ChangeItemJson.Create(SampleTwins.PlantNext, _at, PlantReading, geometryChanged: false);

    [Benchmark(Description = "new way, recent still named (latest, recent, compliant)")]
    public byte[] NewItemPlantWithRecent() => ChangeItemJson.Create(SampleTwins.PlantNext, _at, OldPlantReading, geometryChanged: false);

    [Benchmark(Description = "old: change item station reading (latest)")]
    public byte[] OldItemStation() => OldChangeItemBytes(SampleTwins.StationNext, _at, StationReading, geometryChanged: false);

    [Benchmark(Description = "new: change item station reading (latest)")]
    public byte[] NewItemStation() => ChangeItemJson.Create(SampleTwins.StationNext, _at, StationReading, geometryChanged: false);

    [Benchmark(Description = "old: change item building progress (floorsBuilt, stage)")]
    public byte[] OldItemBuilding() => OldChangeItemBytes(SampleTwins.BuildingNext, _at, BuildingProgress, geometryChanged: false);

    [Benchmark(Description = "new: change item building progress (floorsBuilt, stage)")]
    public byte[] NewItemBuilding() => ChangeItemJson.Create(SampleTwins.BuildingNext, _at, BuildingProgress, geometryChanged: false);

    [Benchmark(Description = "old: change item enterprise status (status)")]
    public byte[] OldItemEnterprise() => OldChangeItemBytes(SampleTwins.EnterpriseNext, _at, EnterpriseStatus, geometryChanged: false);

    [Benchmark(Description = "new: change item enterprise status (status)")]
    public byte[] NewItemEnterprise() => ChangeItemJson.Create(SampleTwins.EnterpriseNext, _at, EnterpriseStatus, geometryChanged: false);

    [Benchmark(Description = "old: change item building with geometry")]
    public byte[] OldItemBuildingGeometry() => OldChangeItemBytes(SampleTwins.BuildingNext, _at, BuildingProgress, geometryChanged: true);

    [Benchmark(Description = "new: change item building with geometry")]
    public byte[] NewItemBuildingGeometry() => ChangeItemJson.Create(SampleTwins.BuildingNext, _at, BuildingProgress, geometryChanged: true);

    // One station reading's way through ChangeFanout to its two topics (park and its zone), up to
    // the JSON the JSON protocol writes for each topic's message.

    [Benchmark(Description = "old: station item to park + zone (JsonObject, DeepClone, 2 serializations)")]
    public int OldFanoutStation()
    {
        var item = OldChangeItem(SampleTwins.StationNext, _at, StationReading, geometryChanged: false);
        var park = JsonSerializer.SerializeToUtf8Bytes(new JsonArray(item), TwinJson.Options);
        var zone = JsonSerializer.SerializeToUtf8Bytes(new JsonArray(item.DeepClone()), TwinJson.Options);
        return park.Length + zone.Length;
    }

    [Benchmark(Description = "new: station item to park + zone (bytes once, HubJson per topic)")]
    public int NewFanoutStation()
    {
        ReadOnlyMemory<byte> item = ChangeItemJson.Create(SampleTwins.StationNext, _at, StationReading, geometryChanged: false);
        var park = JsonSerializer.SerializeToUtf8Bytes(HubJson.ArrayOf([item]), TwinJson.Options);
        var zone = JsonSerializer.SerializeToUtf8Bytes(HubJson.ArrayOf([item]), TwinJson.Options);
        return park.Length + zone.Length;
    }

    [Benchmark(Description = "Orleans round trip ChangeItem(building)")]
    public ChangeItem OrleansBuilding() => _serializer.Deserialize<ChangeItem>(_serializer.SerializeToArray(_buildingItem))!;

    [Benchmark(Description = "Orleans round trip ChangeItem(plant, 48 recent)")]
    public ChangeItem OrleansPlant() => _serializer.Deserialize<ChangeItem>(_serializer.SerializeToArray(_plantItem))!;

    [Benchmark(Description = "Storage payload (plant, 48 recent)")]
    public BinaryData StoragePlant() => _storage.Serialize(SampleTwins.PlantNext);

    [Benchmark(Description = "Storage payload (station)")]
    public BinaryData StorageStation() => _storage.Serialize(SampleTwins.StationNext);

    [Benchmark(Description = "StateDiff as the grain does it (plant)")]
    public int DiffPlant() => Diff(SampleTwins.Plant, SampleTwins.PlantNext);

    [Benchmark(Description = "StateDiff as the grain does it (station)")]
    public int DiffStation() => Diff(SampleTwins.Station, SampleTwins.StationNext);

    private static byte[] OldChangeItemBytes(TwinState latest, long at, IEnumerable<string> changed, bool geometryChanged) =>
        JsonSerializer.SerializeToUtf8Bytes(OldChangeItem(latest, at, changed, geometryChanged), TwinJson.Options);

    /// <summary>The change item as <c>ChangeItemJson.Create</c> made it before fix 4: the whole state to JSON, then the changed properties picked.</summary>
    private static JsonObject OldChangeItem(TwinState latest, long at, IEnumerable<string> changed, bool geometryChanged)
    {
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

    /// <summary>A copy of <c>Twin.Grains.Twins.StateDiff.Compare</c> (internal to the grains): both states to JSON nodes, compared property by property.</summary>
    private static int Diff(TwinState previous, TwinState next)
    {
        var after = JsonSerializer.SerializeToNode(next, next.GetType(), TwinJson.Options)!.AsObject();
        var before = JsonSerializer.SerializeToNode(previous, previous.GetType(), TwinJson.Options)!.AsObject();
        var changed = 0;
        foreach (var (name, value) in after)
        {
            if (name is not "version" and not "updatedAt" and not "geometry" && !JsonNode.DeepEquals(value, before[name]))
            {
                changed++;
            }
        }

        return changed + (previous.Geometry?.EqualsExact(next.Geometry) == true ? 0 : 1);
    }
}
