using NetTopologySuite.Geometries;
using Twin.Spatial.Indexing;

namespace Twin.Spatial.Tests.Indexing;

public sealed class SpatialIndexTests : IDisposable
{
    private const string Square = "POLYGON ((115.50 27.90, 115.51 27.90, 115.51 27.91, 115.50 27.91, 115.50 27.90))";

    // An L: its envelope holds the missing corner around (115.535, 27.915).
    private const string LShape = "POLYGON ((115.52 27.90, 115.54 27.90, 115.54 27.91, 115.53 27.91, 115.53 27.92, 115.52 27.92, 115.52 27.90))";

    // A diagonal whose envelope covers 115.55–115.57 × 27.90–27.92 while the line runs corner to corner.
    private const string Diagonal = "LINESTRING (115.55 27.90, 115.57 27.92)";

    private const string Station = "POINT (115.505 27.905)";

    /// <summary>Where the Near tests stand; their features are laid out in metres from here.</summary>
    private static readonly Coordinate Centre = new(115.53, 27.92);

    private readonly SpatialIndex<string> _index = new(Park.Projection);

    public void Dispose() => _index.Dispose();

    [Fact]
    public void At_finds_the_polygon_that_contains_the_point()
    {
        _index.Upsert("zone:square", Park.Wkt(Square), "square");

        Assert.Equal(["zone:square"], Ids(_index.At(115.502, 27.908)));
    }

    [Fact]
    public void At_does_not_find_a_polygon_when_the_point_is_outside_it_but_inside_its_envelope()
    {
        _index.Upsert("zone:l", Park.Wkt(LShape), "l");

        Assert.Empty(_index.At(115.535, 27.915));
        Assert.Equal(["zone:l"], Ids(_index.At(115.525, 27.915)));
    }

    [Fact]
    public void At_does_not_find_a_polygon_far_from_the_point()
    {
        _index.Upsert("zone:square", Park.Wkt(Square), "square");

        Assert.Empty(_index.At(115.45, 27.86));
    }

    [Fact]
    public void At_finds_a_point_feature_at_its_coordinate_and_not_a_metre_away()
    {
        _index.Upsert("station:s", Park.Wkt(Station), "station");

        Assert.Equal(["station:s"], Ids(_index.At(115.505, 27.905)));
        Assert.Empty(_index.At(115.505 + 0.00001, 27.905));
    }

    [Fact]
    public void At_finds_a_polygon_when_the_point_is_on_its_edge()
    {
        _index.Upsert("zone:square", Park.Wkt(Square), "square");

        Assert.Equal(["zone:square"], Ids(_index.At(115.51, 27.905)));
    }

    [Fact]
    public void At_finds_every_feature_that_covers_the_point()
    {
        _index.Upsert("zone:square", Park.Wkt(Square), "square");
        _index.Upsert("station:s", Park.Wkt(Station), "station");
        _index.Upsert("zone:l", Park.Wkt(LShape), "l");

        Assert.Equal(["station:s", "zone:square"], Ids(_index.At(115.505, 27.905)));
    }

    [Fact]
    public void Window_returns_a_line_that_crosses_it()
    {
        _index.Upsert("network:diagonal", Park.Wkt(Diagonal), "diagonal");

        Assert.Equal(["network:diagonal"], Ids(_index.Window(new Envelope(115.555, 115.56, 27.90, 27.915))));
    }

    [Fact]
    public void Window_leaves_out_a_line_whose_envelope_overlaps_it_but_which_does_not_cross_it()
    {
        _index.Upsert("network:diagonal", Park.Wkt(Diagonal), "diagonal");

        Assert.Empty(_index.Window(new Envelope(115.565, 115.58, 27.90, 27.905)));
    }

    [Fact]
    public void Window_returns_polygons_and_points_inside_or_overlapping_it_and_nothing_else()
    {
        _index.Upsert("zone:square", Park.Wkt(Square), "square");
        _index.Upsert("station:s", Park.Wkt(Station), "station");
        _index.Upsert("zone:l", Park.Wkt(LShape), "l");
        _index.Upsert("network:diagonal", Park.Wkt(Diagonal), "diagonal");

        var found = _index.Window(new Envelope(115.504, 115.521, 27.904, 27.906));

        Assert.Equal(["station:s", "zone:l", "zone:square"], Ids(found));
    }

    [Fact]
    public void Within_returns_features_inside_the_area_and_not_those_crossing_its_edge()
    {
        _index.Upsert("zone:square", Park.Wkt(Square), "square");
        _index.Upsert("station:s", Park.Wkt(Station), "station");
        _index.Upsert("zone:l", Park.Wkt(LShape), "l");
        var area = Park.Wkt("POLYGON ((115.495 27.895, 115.525 27.895, 115.525 27.915, 115.495 27.915, 115.495 27.895))");

        Assert.Equal(["station:s", "zone:square"], Ids(_index.Within(area)));
    }

    [Fact]
    public void Near_returns_features_within_the_radius_nearest_first_with_distances_in_metres()
    {
        _index.Upsert("station:300", AtMetres(300, 0), "300 m east");
        _index.Upsert("station:100", AtMetres(0, 100), "100 m north");
        _index.Upsert("station:200", AtMetres(-200, 0), "200 m west");
        _index.Upsert("station:far", AtMetres(0, -2_000), "2 km south");

        var near = _index.Near(Centre.X, Centre.Y, 250);

        Assert.Equal(["station:100", "station:200"], near.Select(n => n.Entry.Id));
        Assert.Equal(100, near[0].Metres, 1e-3);
        Assert.Equal(200, near[1].Metres, 1e-3);
    }

    [Fact]
    public void Near_includes_a_feature_a_millimetre_inside_the_radius_and_not_one_a_millimetre_outside()
    {
        _index.Upsert("station:300", AtMetres(300, 0), "300 m east");

        Assert.Equal(["station:300"], _index.Near(Centre.X, Centre.Y, 300.001).Select(n => n.Entry.Id));
        Assert.Empty(_index.Near(Centre.X, Centre.Y, 299.999));
    }

    [Fact]
    public void Near_finds_a_feature_diagonally_away_close_to_the_radius()
    {
        _index.Upsert("station:diagonal", AtMetres(495 * Math.Cos(Math.PI / 4), 495 * Math.Sin(Math.PI / 4)), "495 m north-east");

        var near = Assert.Single(_index.Near(Centre.X, Centre.Y, 500));
        Assert.Equal(495, near.Metres, 1e-3);
    }

    [Fact]
    public void Near_measures_to_the_nearest_edge_of_a_polygon_not_to_its_centre()
    {
        // 50 m wide and 1 km deep, its near edge 80 m north: its centroid is 580 m away.
        var c = Park.Projection.ToMetric(Centre);
        var plot = Park.Projection.ToGeographic(TwinGeometry.Factory.ToGeometry(new Envelope(c.X - 25, c.X + 25, c.Y + 80, c.Y + 1_080)));
        _index.Upsert("building:plot", plot, "plot");

        var near = Assert.Single(_index.Near(Centre.X, Centre.Y, 100));
        Assert.Equal(80, near.Metres, 1e-3);
    }

    [Fact]
    public void Upsert_of_an_existing_id_replaces_its_geometry_so_the_old_place_no_longer_finds_it()
    {
        _index.Upsert("building:moved", Park.Wkt(Square), "first");
        _index.Upsert("building:moved", Park.Wkt("POLYGON ((115.44 27.86, 115.45 27.86, 115.45 27.87, 115.44 27.87, 115.44 27.86))"), "second");

        Assert.Empty(_index.At(115.505, 27.905));
        Assert.Empty(_index.Window(new Envelope(115.50, 115.51, 27.90, 27.91)));
        Assert.Equal("second", Assert.Single(_index.At(115.445, 27.865)).Value);
        Assert.Equal(1, _index.Count);
    }

    [Fact]
    public void Remove_drops_the_feature_from_every_query_and_the_count()
    {
        _index.Upsert("zone:square", Park.Wkt(Square), "square");
        _index.Upsert("station:s", Park.Wkt(Station), "station");

        Assert.True(_index.Remove("zone:square"));

        Assert.Equal(["station:s"], Ids(_index.At(115.505, 27.905)));
        Assert.Equal(["station:s"], Ids(_index.Window(new Envelope(115.50, 115.51, 27.90, 27.91))));
        Assert.Equal(["station:s"], Ids(_index.Within(Park.Wkt(Square))));
        Assert.Equal(["station:s"], _index.Near(115.505, 27.905, 1_000).Select(n => n.Entry.Id));
        Assert.Equal(1, _index.Count);
    }

    [Fact]
    public void Remove_of_an_id_that_is_not_indexed_returns_false()
    {
        _index.Upsert("zone:square", Park.Wkt(Square), "square");

        Assert.False(_index.Remove("zone:other"));
        Assert.Equal(1, _index.Count);
    }

    private static Point AtMetres(double east, double north)
    {
        var c = Park.Projection.ToMetric(Centre);
        var lonLat = Park.Projection.ToGeographic(new Coordinate(c.X + east, c.Y + north));
        return TwinGeometry.Point(lonLat.X, lonLat.Y);
    }

    private static string[] Ids(IEnumerable<SpatialEntry<string>> entries) =>
        [.. entries.Select(e => e.Id).Order(StringComparer.Ordinal)];
}
