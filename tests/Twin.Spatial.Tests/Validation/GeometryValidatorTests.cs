namespace Twin.Spatial.Tests.Validation;

public sealed class GeometryValidatorTests
{
    private const string Square = "POLYGON ((115.50 27.90, 115.51 27.90, 115.51 27.91, 115.50 27.91, 115.50 27.90))";

    [Fact]
    public void Accepts_a_valid_polygon()
    {
        Assert.Null(GeometryValidator.Check(Park.Wkt(Square), "Polygon"));
    }

    [Fact]
    public void Accepts_a_polygon_with_a_hole()
    {
        var withHole = Park.Wkt(
            "POLYGON ((115.50 27.90, 115.51 27.90, 115.51 27.91, 115.50 27.91, 115.50 27.90), "
            + "(115.503 27.903, 115.503 27.906, 115.506 27.906, 115.506 27.903, 115.503 27.903))");

        Assert.Null(GeometryValidator.Check(withHole, "Polygon"));
    }

    [Fact]
    public void Accepts_any_type_when_none_is_named()
    {
        Assert.Null(GeometryValidator.Check(Park.Wkt("LINESTRING (115.50 27.90, 115.51 27.91)")));
    }

    [Fact]
    public void Accepts_a_type_that_is_one_of_several_allowed()
    {
        Assert.Null(GeometryValidator.Check(Park.Wkt("POINT (115.50 27.90)"), "Polygon", "Point"));
    }

    [Fact]
    public void Refuses_a_self_intersecting_bow_tie_as_not_valid()
    {
        var bowTie = Park.Wkt("POLYGON ((115.50 27.90, 115.51 27.91, 115.51 27.90, 115.50 27.91, 115.50 27.90))");

        var error = GeometryValidator.Check(bowTie, "Polygon");

        Assert.NotNull(error);
        Assert.Contains("not valid", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_multipolygon_whose_parts_overlap_as_not_valid()
    {
        var overlapping = Park.Wkt(
            "MULTIPOLYGON (((115.50 27.90, 115.52 27.90, 115.52 27.92, 115.50 27.92, 115.50 27.90)), "
            + "((115.51 27.91, 115.53 27.91, 115.53 27.93, 115.51 27.93, 115.51 27.91)))");

        var error = GeometryValidator.Check(overlapping, "MultiPolygon");

        Assert.NotNull(error);
        Assert.Contains("not valid", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_point_where_only_a_polygon_is_allowed_and_names_both_types()
    {
        var error = GeometryValidator.Check(Park.Wkt("POINT (115.50 27.90)"), "Polygon");

        Assert.Equal("geometry must be Polygon, not Point", error);
    }

    [Theory]
    [InlineData("POLYGON EMPTY")]
    [InlineData("LINESTRING EMPTY")]
    [InlineData("POINT EMPTY")]
    public void Refuses_an_empty_geometry(string wkt)
    {
        Assert.Equal("geometry is empty", GeometryValidator.Check(Park.Wkt(wkt)));
    }

    [Theory]
    [InlineData("POINT (180.5 27.9)")]
    [InlineData("POINT (-181 27.9)")]
    [InlineData("POINT (115.5 90.01)")]
    [InlineData("POINT (115.5 -91)")]
    [InlineData("LINESTRING (115.5 27.9, 12950000 3230000)")]
    [InlineData("POLYGON ((12950000 3230000, 12950100 3230000, 12950100 3230100, 12950000 3230000))")]
    public void Refuses_coordinates_outside_longitude_and_latitude_ranges(string wkt)
    {
        var error = GeometryValidator.Check(Park.Wkt(wkt));

        Assert.NotNull(error);
        Assert.Contains("is not a longitude/latitude", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, 27.9)]
    [InlineData(115.5, double.PositiveInfinity)]
    public void Refuses_coordinates_that_are_not_finite(double lon, double lat)
    {
        var error = GeometryValidator.Check(TwinGeometry.Point(lon, lat), "Point");

        Assert.NotNull(error);
        Assert.Contains("is not a longitude/latitude", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_missing_geometry()
    {
        Assert.Equal("geometry is missing", GeometryValidator.Check(null, "Polygon"));
    }
}
