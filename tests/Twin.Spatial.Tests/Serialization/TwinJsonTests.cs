using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using Twin.Contracts.Model;
using Twin.Spatial.Serialization;

namespace Twin.Spatial.Tests.Serialization;

public sealed class TwinJsonTests
{
    private static readonly BuildingState Building = new()
    {
        Id = "building:yaodu-innov-pharma-p3-07",
        Name = "3期7号厂房",
        ZoneId = "zone:yaodu-innov-pharma",
        Version = 2,
        UpdatedAt = new DateTimeOffset(2026, 10, 31, 8, 0, 0, TimeSpan.FromHours(8)),
        Phase = 3,
        Use = BuildingUse.Service,
        FloorsPlanned = 5,
        FloorsBuilt = 5,
        Stage = ConstructionStage.ToppedOut,
        FloorArea = 9_000.5m,
        ExpectedCompletion = new DateOnly(2027, 6, 30),
        // A footprint as the projection hands it back, with every digit of a double for storage to keep;
        // its ring runs counter-clockwise, as RFC 7946 asks.
        Geometry = Park.Projection.ToGeographic(TwinGeometry.Factory.CreatePolygon(
        [
            new Coordinate(120.25, 1_340.75),
            new Coordinate(180.5, 1_340.75),
            new Coordinate(180.5, 1_370.125),
            new Coordinate(120.25, 1_370.125),
            new Coordinate(120.25, 1_340.75),
        ])),
    };

    [Fact]
    public void BuildingState_is_written_with_camelCase_property_names()
    {
        var json = Write(Building);

        Assert.Equal(3, (int)json["phase"]!);
        Assert.Equal(5, (int)json["floorsPlanned"]!);
        Assert.Equal("zone:yaodu-innov-pharma", (string?)json["zoneId"]);
        Assert.Equal("2027-06-30", (string?)json["expectedCompletion"]);
        Assert.DoesNotContain(json, p => char.IsUpper(p.Key[0]));
    }

    [Fact]
    public void BuildingState_is_written_with_enums_as_their_names()
    {
        var json = Write(Building);

        Assert.Equal("ToppedOut", (string?)json["stage"]);
        Assert.Equal("Service", (string?)json["use"]);
    }

    [Fact]
    public void BuildingState_is_written_with_its_geometry_as_GeoJSON()
    {
        var geometry = Write(Building)["geometry"]!.AsObject();

        Assert.Equal("Polygon", (string?)geometry["type"]);
        var ring = geometry["coordinates"]![0]!.AsArray();
        Assert.Equal(5, ring.Count);
        var first = Building.Geometry!.Coordinates[0];
        Assert.Equal(first.X, (double)ring[0]![0]!);
        Assert.Equal(first.Y, (double)ring[0]![1]!);
    }

    [Fact]
    public void BuildingState_is_written_without_its_computed_kind()
    {
        // TwinState marks Kind [JsonIgnore]: the id's prefix already says it.
        var json = Write(Building);

        Assert.False(json.ContainsKey("kind"), $"kind was written as {json["kind"]?.ToJsonString()}");
    }

    [Fact]
    public void BuildingState_reads_back_equal_with_its_geometry_exact()
    {
        var back = JsonSerializer.Deserialize<BuildingState>(JsonSerializer.Serialize(Building, TwinJson.Options), TwinJson.Options);

        Assert.NotNull(back);
        // Lists compare by reference in records: the co-tenants are compared as contents.
        Assert.Equal(Building.CoTenantIds, back.CoTenantIds);
        Assert.Equal(Building with { Geometry = null }, back with { Geometry = null, CoTenantIds = Building.CoTenantIds });
        Assert.True(Building.Geometry!.EqualsExact(back.Geometry), $"{Building.Geometry} came back as {back.Geometry}");
        Assert.Equal(TwinGeometry.Wgs84, back.Geometry!.SRID);
    }

    [Fact]
    public void A_clockwise_ring_is_written_counter_clockwise_as_RFC_7946_asks_and_reads_back_as_the_same_polygon()
    {
        var clockwise = TwinGeometry.Box(115.50, 27.90, 115.51, 27.91);
        Assert.False(clockwise.Shell.IsCCW);

        var back = JsonSerializer.Deserialize<BuildingState>(JsonSerializer.Serialize(Building with { Geometry = clockwise }, TwinJson.Options), TwinJson.Options);

        var polygon = Assert.IsType<Polygon>(back?.Geometry);
        Assert.True(polygon.Shell.IsCCW);
        Assert.True(clockwise.EqualsTopologically(polygon), $"{clockwise} came back as {polygon}");
    }

    [Fact]
    public void An_integer_for_an_enum_is_refused()
    {
        var json = Write(Building);
        json["stage"] = 4;

        Assert.Throws<JsonException>(() => json.Deserialize<BuildingState>(TwinJson.Options));
    }

    [Fact]
    public void An_unknown_enum_name_is_refused()
    {
        var json = Write(Building);
        json["stage"] = "Finished";

        Assert.Throws<JsonException>(() => json.Deserialize<BuildingState>(TwinJson.Options));
    }

    private static JsonObject Write(BuildingState building) =>
        JsonNode.Parse(JsonSerializer.Serialize(building, TwinJson.Options))!.AsObject();
}
