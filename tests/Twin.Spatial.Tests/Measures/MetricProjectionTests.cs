using NetTopologySuite.Geometries;

namespace Twin.Spatial.Tests.Measures;

public sealed class MetricProjectionTests
{
    private const double Latitude = 27.9;
    private static readonly MetricProjection Projection = Park.Projection;

    [Fact]
    public void Area_of_a_100m_square_built_in_metres_near_27_9N_is_10000_m2_within_half_a_percent()
    {
        // 3 km east and 2 km north of the park's centre, laid out in metres and taken to lon/lat.
        var metric = TwinGeometry.Factory.ToGeometry(new Envelope(3_000, 3_100, 2_000, 2_100));
        var square = Projection.ToGeographic(metric);

        Assert.Equal(10_000, Projection.Area(square), 10_000 * 0.005);
        // And it really is in degrees, 100 m a side by the ellipsoid, not metres passed through unchanged.
        var lat = square.EnvelopeInternal.Centre.Y;
        var width = 100 / Wgs84.MetresPerDegreeOfLongitude(lat);
        var height = 100 / Wgs84.MetresPerDegreeOfLatitude(lat);
        Assert.Equal(width, square.EnvelopeInternal.Width, width * 0.005);
        Assert.Equal(height, square.EnvelopeInternal.Height, height * 0.005);
    }

    [Fact]
    public void Area_of_a_100m_square_built_from_degrees_near_27_9N_is_10000_m2_within_half_a_percent()
    {
        var (lon, lat) = (115.53, 27.92);
        var square = TwinGeometry.Box(
            lon,
            lat,
            lon + (100 / Wgs84.MetresPerDegreeOfLongitude(lat)),
            lat + (100 / Wgs84.MetresPerDegreeOfLatitude(lat)));

        Assert.Equal(10_000, Projection.Area(square), 10_000 * 0.005);
    }

    [Fact]
    public void Area_of_a_0_001_degree_box_at_27_9N_is_110_82_m_by_98_45_m_within_0_05_percent()
    {
        // On the WGS 84 ellipsoid a degree at 27.9°N is 110,818 m of latitude and 98,453 m of
        // longitude (111.32 km is a degree at the equator, 0.4% too long here).
        var box = TwinGeometry.Box(115.5, Latitude, 115.501, Latitude + 0.001);
        const double Expected = 110.82 * 98.45;

        Assert.Equal(Expected, Projection.Area(box), Expected * 0.0005);
    }

    [Fact]
    public void Distance_1_km_north_along_a_meridian_is_1000_m_within_a_tenth_of_a_percent()
    {
        var from = TwinGeometry.Point(115.52, Latitude);
        var to = TwinGeometry.Point(115.52, Latitude + (1_000 / Wgs84.MetresPerDegreeOfLatitude(Latitude + 0.0045)));

        Assert.Equal(1_000, Projection.Distance(from, to), 1_000 * 0.001);
    }

    [Fact]
    public void Distance_1_km_east_along_a_parallel_is_1000_m_within_a_tenth_of_a_percent()
    {
        var from = TwinGeometry.Point(115.52, Latitude);
        var to = TwinGeometry.Point(115.52 + (1_000 / Wgs84.MetresPerDegreeOfLongitude(Latitude)), Latitude);

        Assert.Equal(1_000, Projection.Distance(from, to), 1_000 * 0.001);
    }

    [Fact]
    public void Length_of_a_line_1_km_east_at_the_park_edge_is_1000_m_within_a_tenth_of_a_percent()
    {
        // 7 km off the central meridian, where a projection's scale error would show first.
        var line = TwinGeometry.Factory.CreateLineString(
        [
            new Coordinate(115.57, 27.95),
            new Coordinate(115.57 + (1_000 / Wgs84.MetresPerDegreeOfLongitude(27.95)), 27.95),
        ]);

        Assert.Equal(1_000, Projection.Length(line), 1_000 * 0.001);
    }

    [Fact]
    public void Centre_of_the_park_projects_to_the_metric_origin()
    {
        var origin = Projection.ToMetric(new Coordinate(115.5, 27.9));

        Assert.Equal(0, origin.X, 1e-3);
        Assert.Equal(0, origin.Y, 1e-3);
    }

    [Theory]
    [InlineData(115.5, 27.9)]
    [InlineData(115.43, 27.85)]
    [InlineData(115.57, 27.95)]
    [InlineData(115.4321987, 27.9412345)]
    public void Round_trip_ToMetric_then_ToGeographic_returns_the_coordinate_within_1e_7_degrees(double lon, double lat)
    {
        var back = Projection.ToGeographic(Projection.ToMetric(new Coordinate(lon, lat)));

        Assert.Equal(lon, back.X, 1e-7);
        Assert.Equal(lat, back.Y, 1e-7);
    }

    [Fact]
    public void Round_trip_of_a_polygon_returns_every_vertex_within_1e_7_degrees()
    {
        var polygon = Park.Wkt("POLYGON ((115.45 27.86, 115.56 27.87, 115.55 27.94, 115.46 27.93, 115.45 27.86))");

        var back = Projection.ToGeographic(Projection.ToMetric(polygon));

        Assert.True(polygon.EqualsExact(back, 1e-7), $"{polygon} came back as {back}");
    }

    [Fact]
    public void ToMetric_leaves_the_original_geometry_in_degrees()
    {
        var point = TwinGeometry.Point(115.52, 27.91);

        _ = Projection.ToMetric(point);

        Assert.Equal(115.52, point.X);
        Assert.Equal(27.91, point.Y);
    }

    [Fact]
    public void EnvelopeAround_holds_every_point_of_the_circle_of_that_radius()
    {
        var centre = new Coordinate(115.55, 27.93);
        const double Metres = 750;
        var envelope = Projection.EnvelopeAround(centre, Metres);
        var c = Projection.ToMetric(centre);

        for (var degree = 0; degree < 360; degree++)
        {
            var angle = double.DegreesToRadians(degree);
            var onCircle = Projection.ToGeographic(new Coordinate(c.X + (Metres * Math.Cos(angle)), c.Y + (Metres * Math.Sin(angle))));
            Assert.True(envelope.Covers(onCircle), $"{onCircle} at {degree}° is outside {envelope}");
        }
    }

    [Fact]
    public void Project_agrees_with_the_ProjNet_transform_to_within_10_micrometres_up_to_a_degree_from_the_centre()
    {
        var random = new Random(27);
        for (var i = 0; i < 20_000; i++)
        {
            var lon = Projection.CentralLongitude - 1 + (2 * random.NextDouble());
            var lat = Projection.OriginLatitude - 1 + (2 * random.NextDouble());

            var (x, y) = Projection.Project(lon, lat);

            var expected = Projection.ToMetric(new Coordinate(lon, lat));
            Assert.Equal(expected.X, x, 1e-5);
            Assert.Equal(expected.Y, y, 1e-5);
        }
    }

    [Theory]
    [InlineData(27.90, 0.3)]
    [InlineData(27.85, 2)]
    public void A_local_projection_agrees_with_the_ProjNet_transform_to_within_10_micrometres_near_its_latitude_and_beyond(double lat0, double spread)
    {
        var local = Projection.Around(lat0);
        var random = new Random(31);
        for (var i = 0; i < 20_000; i++)
        {
            var lon = Projection.CentralLongitude - 1 + (2 * random.NextDouble());
            var lat = lat0 - spread + (2 * spread * random.NextDouble());

            var (x, y) = local.Project(lon, lat);

            var expected = Projection.ToMetric(new Coordinate(lon, lat));
            Assert.Equal(expected.X, x, 1e-5);
            Assert.Equal(expected.Y, y, 1e-5);
        }
    }

    [Theory]
    [InlineData(115.50, 27.90, 5)]
    [InlineData(115.55, 27.93, 750)]
    [InlineData(115.43, 27.85, 3_000)]
    [InlineData(115.57, 27.95, 50_000)]
    public void DegreeBoundsAround_holds_every_point_within_the_radius_and_its_scales_underestimate_every_distance(double lon, double lat, double metres)
    {
        var bounds = MetricProjection.DegreeBoundsAround(lon, lat, metres);
        var c = Projection.ToMetric(new Coordinate(lon, lat));
        var random = new Random(5);

        for (var i = 0; i < 2_000; i++)
        {
            // Points on the circle and inside it, in the projection's metres.
            var angle = random.NextDouble() * 2 * Math.PI;
            var r = metres * (i % 2 == 0 ? 1 : random.NextDouble());
            var point = Projection.ToGeographic(new Coordinate(c.X + (r * Math.Cos(angle)), c.Y + (r * Math.Sin(angle))));
            Assert.True(bounds.Envelope.Covers(point), $"{point} at {r:F1} m is outside {bounds.Envelope}");

            var lowerBound = Math.Sqrt(
                Math.Pow((point.X - lon) * bounds.MetresPerDegreeOfLongitude, 2) + Math.Pow((point.Y - lat) * bounds.MetresPerDegreeOfLatitude, 2));
            Assert.True(lowerBound <= r, $"{lowerBound} m from the scales, {r} m in the projection");
        }

        // Not so much wider that it stops being a cut: at most 2% more than the circle.
        Assert.InRange(bounds.Envelope.Height * Wgs84.MetresPerDegreeOfLatitude(lat), 2 * metres, 2.04 * metres + 0.1);
    }
}
