using NetTopologySuite.Geometries;
using Twin.Contracts.Model;

namespace Twin.Spatial.Tests.Serialization;

public sealed class GeometrySurrogateTests
{
    [Fact]
    public void Point_round_trips_through_the_Orleans_serializer_exactly_with_SRID_4326()
    {
        AssertRoundTrips((Point)Park.Wkt("POINT (115.5123456789 27.9012345678)"));
    }

    [Fact]
    public void LineString_round_trips_through_the_Orleans_serializer_exactly_with_SRID_4326()
    {
        AssertRoundTrips((LineString)Park.Wkt("LINESTRING (115.50 27.90, 115.5101 27.9033, 115.52 27.91)"));
    }

    [Fact]
    public void Polygon_with_a_hole_round_trips_through_the_Orleans_serializer_exactly_with_SRID_4326()
    {
        var polygon = (Polygon)Park.Wkt(
            "POLYGON ((115.50 27.90, 115.51 27.90, 115.51 27.91, 115.50 27.91, 115.50 27.90), "
            + "(115.503 27.903, 115.503 27.906, 115.506 27.906, 115.506 27.903, 115.503 27.903))");

        var back = AssertRoundTrips(polygon);

        Assert.Equal(1, back.NumInteriorRings);
    }

    [Fact]
    public void MultiPolygon_round_trips_through_the_Orleans_serializer_exactly_with_SRID_4326()
    {
        AssertRoundTrips((MultiPolygon)Park.Wkt(
            "MULTIPOLYGON (((115.50 27.90, 115.51 27.90, 115.51 27.91, 115.50 27.91, 115.50 27.90)), "
            + "((115.52 27.90, 115.53 27.90, 115.53 27.91, 115.52 27.90)))"));
    }

    [Fact]
    public void MultiLineString_round_trips_through_the_Orleans_serializer_exactly_with_SRID_4326()
    {
        AssertRoundTrips((MultiLineString)Park.Wkt("MULTILINESTRING ((115.50 27.90, 115.51 27.91), (115.52 27.90, 115.53 27.92))"));
    }

    [Fact]
    public void Geometry_typed_as_the_abstract_base_round_trips_as_its_concrete_type()
    {
        var polygon = Park.Wkt("POLYGON ((115.50 27.90, 115.51 27.90, 115.51 27.91, 115.50 27.90))");

        var back = OrleansSerializer.RoundTrip<Geometry>(polygon);

        Assert.IsType<Polygon>(back);
        Assert.True(polygon.EqualsExact(back), $"{polygon} came back as {back}");
    }

    [Fact]
    public void BuildingState_with_a_polygon_footprint_round_trips_with_its_geometry_exact()
    {
        var building = Building();

        var back = OrleansSerializer.RoundTrip(building);

        Assert.Equal(building with { Geometry = null }, back with { Geometry = null });
        Assert.NotNull(back.Geometry);
        Assert.True(building.Geometry!.EqualsExact(back.Geometry), $"{building.Geometry} came back as {back.Geometry}");
        Assert.Equal(TwinGeometry.Wgs84, back.Geometry.SRID);
    }

    [Fact]
    public void BuildingState_sent_as_a_TwinState_round_trips_as_a_BuildingState()
    {
        TwinState building = Building();

        var back = Assert.IsType<BuildingState>(OrleansSerializer.RoundTrip(building));

        Assert.True(building.Geometry!.EqualsExact(back.Geometry), $"{building.Geometry} came back as {back.Geometry}");
    }

    [Fact]
    public void BuildingState_copied_by_the_Orleans_copier_keeps_its_geometry_exact()
    {
        var building = Building();

        var copy = OrleansSerializer.Copy(building);

        Assert.True(building.Geometry!.EqualsExact(copy.Geometry), $"{building.Geometry} was copied as {copy.Geometry}");
    }

    private static T AssertRoundTrips<T>(T geometry)
        where T : Geometry
    {
        var back = OrleansSerializer.RoundTrip(geometry);

        Assert.IsType<T>(back);
        Assert.True(geometry.EqualsExact(back), $"{geometry} came back as {back}");
        Assert.Equal(TwinGeometry.Wgs84, back.SRID);
        return back;
    }

    private static BuildingState Building() => new()
    {
        Id = "building:yaodu-innov-pharma-p3-07",
        Name = "3期7号厂房",
        NameEn = "Phase 3 building 7",
        ZoneId = "zone:yaodu-innov-pharma",
        Version = 3,
        UpdatedAt = new DateTimeOffset(2026, 10, 31, 8, 0, 0, TimeSpan.FromHours(8)),
        Phase = 3,
        Use = BuildingUse.Industrial,
        FloorsPlanned = 5,
        FloorsBuilt = 5,
        Stage = ConstructionStage.ToppedOut,
        FloorArea = 9_000m,
        AllowsSplit = true,
        ExpectedCompletion = new DateOnly(2027, 6, 30),
        Geometry = Park.Wkt("POLYGON ((115.5012345 27.9012345, 115.5018 27.9012345, 115.5018 27.9015, 115.5012345 27.9015, 115.5012345 27.9012345))"),
    };
}
