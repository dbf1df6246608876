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
/// round trip of the <see cref="ChangeItem"/> on the stream, and the browser's change item JSON.
/// </summary>
[BenchmarkCategory("serialization")]
public class SerializationBenchmarks
{
    private static readonly ImmutableArray<string> PlantChanged = ["latest", "recent"];
    private static readonly ImmutableArray<string> BuildingChanged = ["floorsBuilt"];
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

    [Benchmark(Description = "ChangeItemJson.Create(plant, 48 recent)")]
    public JsonObject ChangeItemPlant() => ChangeItemJson.Create(SampleTwins.PlantNext, _at, PlantChanged, geometryChanged: false);

    [Benchmark(Description = "ChangeItemJson.Create(building)")]
    public JsonObject ChangeItemBuilding() => ChangeItemJson.Create(SampleTwins.BuildingNext, _at, BuildingChanged, geometryChanged: false);

    [Benchmark(Description = "ChangeItemJson.Create(building, with geometry)")]
    public JsonObject ChangeItemBuildingGeometry() => ChangeItemJson.Create(SampleTwins.BuildingNext, _at, BuildingChanged, geometryChanged: true);

    [Benchmark(Description = "ChangeItemJson → UTF-8 (station)")]
    public byte[] ChangeItemStationBytes() =>
        JsonSerializer.SerializeToUtf8Bytes(ChangeItemJson.Create(SampleTwins.StationNext, _at, ["latest"], geometryChanged: false), TwinJson.Options);

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
