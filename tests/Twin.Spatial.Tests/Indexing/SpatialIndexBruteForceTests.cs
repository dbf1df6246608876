using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Twin.Spatial.Indexing;

namespace Twin.Spatial.Tests.Indexing;

/// <summary>
/// The index against a plain scan of every feature with prepared predicates, on random features
/// over the park (a fixed seed, so a failure can be replayed): points, rectangles, rotated
/// footprints, L shapes, polygons with a hole and lines. <c>Near</c> is held to the exact
/// computation the index used before (each geometry projected whole with ProjNet, then NTS's
/// distance): the same ids, except one whose exact distance is within <see cref="BoundaryMetres"/>
/// of the radius, and each distance within <see cref="DistanceMetres"/> of the exact one.
/// </summary>
public sealed class SpatialIndexBruteForceTests
{
    /// <summary>How close to the radius a feature may be and still be left out or taken in (1 mm).</summary>
    public const double BoundaryMetres = 1e-3;

    /// <summary>How far <c>Near</c>'s distance may be from the exact one (10 µm).</summary>
    public const double DistanceMetres = 1e-5;

    private const int Features = 2_000;
    private const int QueriesOfEachKind = 150;
    private static readonly MetricProjection Projection = Park.Projection;

    private readonly Random _random = new(20_261_127);
    private readonly Dictionary<string, Geometry> _features = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IPreparedGeometry> _prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Geometry> _metric = new(StringComparer.Ordinal);
    private int _hits;

    [Fact]
    public void Queries_match_a_brute_force_scan_with_every_change_in_the_linear_list_and_after_each_rebuild()
    {
        using var index = new SpatialIndex<int>(Projection, rebuildAfter: int.MaxValue);
        for (var i = 0; i < Features; i++)
        {
            Put(index, $"building:b{i:D4}", i);
        }

        Assert.Equal(Features, index.PendingChanges);
        AssertIndexMatchesScan(index);

        index.Rebuild();
        Assert.Equal(0, index.PendingChanges);
        AssertIndexMatchesScan(index);

        var changes = Change(index);
        // The tree now holds tombstoned entries, and the list the new ones.
        Assert.Equal(changes, index.PendingChanges);
        AssertIndexMatchesScan(index);

        index.Rebuild();
        Assert.Equal(0, index.PendingChanges);
        AssertIndexMatchesScan(index);
    }

    [Fact]
    public void Queries_match_a_brute_force_scan_while_the_tree_is_rebuilt_in_the_background_every_64_writes()
    {
        using var index = new SpatialIndex<int>(Projection, rebuildAfter: 64);
        for (var i = 0; i < Features; i++)
        {
            Put(index, $"building:b{i:D4}", i);
        }

        AssertIndexMatchesScan(index);
        for (var round = 0; round < 3; round++)
        {
            Change(index);
            AssertIndexMatchesScan(index);
        }
    }

    /// <summary>Removes a fifth, moves a fifth (an upsert with a new shape) and adds a tenth; returns the writes.</summary>
    private int Change(SpatialIndex<int> index)
    {
        var ids = _features.Keys.Order(StringComparer.Ordinal).ToArray();
        _random.Shuffle(ids);
        var fifth = ids.Length / 5;
        foreach (var id in ids[..fifth])
        {
            Assert.True(index.Remove(id));
            _features.Remove(id);
            _prepared.Remove(id);
            _metric.Remove(id);
        }

        foreach (var id in ids[fifth..(2 * fifth)])
        {
            Put(index, id, -1);
        }

        var added = ids.Length / 10;
        for (var i = 0; i < added; i++)
        {
            Put(index, $"building:n{_random.Next():D10}", i);
        }

        Assert.Equal(_features.Count, index.Count);
        return (2 * fifth) + added;
    }

    private void Put(SpatialIndex<int> index, string id, int value)
    {
        var geometry = RandomFeature();
        _features[id] = geometry;
        _prepared[id] = PreparedGeometryFactory.Prepare(geometry);
        _metric[id] = Projection.ToMetric(geometry);
        index.Upsert(id, geometry, value);
    }

    private void AssertIndexMatchesScan(SpatialIndex<int> index)
    {
        _hits = 0;
        for (var q = 0; q < QueriesOfEachKind; q++)
        {
            AssertAt(index, RandomPoint());
            AssertWindow(index, RandomBox(100, 2_000).EnvelopeInternal);
            AssertWithin(index, RandomBox(300, 3_000));
            var centre = RandomPoint().Coordinate;
            AssertNear(index, centre, 20 + (_random.NextDouble() * 1_000));
        }

        // Points where something surely is (or, for an L or a hole, surely is not): every point
        // feature, the centres of the others, and points on a few vertices and edges.
        foreach (var geometry in _features.Values.Take(300))
        {
            var at = geometry is Point p ? p : geometry.Centroid;
            AssertAt(index, at);
            AssertNear(index, at.Coordinate, 5 + (_random.NextDouble() * 100));
            var c = geometry.Coordinates;
            AssertAt(index, TwinGeometry.Point(c[0].X, c[0].Y));
            if (c.Length > 1)
            {
                AssertAt(index, TwinGeometry.Point((c[0].X + c[1].X) / 2, (c[0].Y + c[1].Y) / 2));
            }
        }

        // A radius over the whole park.
        AssertNear(index, new Coordinate(115.5, 27.9), 8_000);

        // Without hits the comparison would prove nothing.
        Assert.True(_hits > 5_000, $"only {_hits} features were found by the scan");
    }

    private void AssertAt(SpatialIndex<int> index, Point point)
    {
        var expected = Scan(id => _prepared[id].Covers(point));
        Assert.Equal(expected, Ids(index.At(point.X, point.Y)));
    }

    private void AssertWindow(SpatialIndex<int> index, Envelope window)
    {
        var box = TwinGeometry.Factory.ToGeometry(window);
        var expected = Scan(id => _prepared[id].Intersects(box));
        Assert.Equal(expected, Ids(index.Window(window)));
    }

    private void AssertWithin(SpatialIndex<int> index, Geometry area)
    {
        var prepared = PreparedGeometryFactory.Prepare(area);
        var expected = Scan(id => prepared.Covers(_features[id]));
        Assert.Equal(expected, Ids(index.Within(area)));
    }

    private void AssertNear(SpatialIndex<int> index, Coordinate centre, double metres)
    {
        var metricCentre = TwinGeometry.Factory.CreatePoint(Projection.ToMetric(centre));
        var exact = _metric.ToDictionary(m => m.Key, m => m.Value.Distance(metricCentre), StringComparer.Ordinal);
        bool OnTheEdge(string id) => Math.Abs(exact[id] - metres) <= BoundaryMetres;
        var expected = Scan(id => exact[id] <= metres && !OnTheEdge(id));

        var near = index.Near(centre.X, centre.Y, metres);

        Assert.Equal(expected, near.Select(n => n.Entry.Id).Where(id => !OnTheEdge(id)).Order(StringComparer.Ordinal));
        for (var i = 0; i < near.Count; i++)
        {
            Assert.Equal(exact[near[i].Entry.Id], near[i].Metres, DistanceMetres);
            Assert.True(i == 0 || near[i - 1].Metres <= near[i].Metres, "Near must list the nearest first");
        }
    }

    private string[] Scan(Func<string, bool> predicate)
    {
        string[] found = [.. _features.Keys.Where(predicate).Order(StringComparer.Ordinal)];
        _hits += found.Length;
        return found;
    }

    private static string[] Ids(IEnumerable<SpatialEntry<int>> entries) =>
        [.. entries.Select(e => e.Id).Order(StringComparer.Ordinal)];

    private Geometry RandomFeature()
    {
        var kind = _random.Next(20);
        return kind switch
        {
            < 2 => RandomPoint(),
            < 10 => RandomBox(10, 400),
            < 14 => Shape(RandomPoint().Coordinate, _random.NextDouble() * Math.PI, [(0, 0), (1, 0), (1, 1), (0, 1)]),
            < 16 => Shape(RandomPoint().Coordinate, _random.NextDouble() * Math.PI, [(0, 0), (1, 0), (1, 0.4), (0.4, 0.4), (0.4, 1), (0, 1)]),
            < 17 => WithHole(RandomPoint().Coordinate),
            _ => Line(RandomPoint().Coordinate),
        };
    }

    /// <summary>A polygon from unit-square corners, scaled to 20–300 m, turned by <paramref name="angle"/>, in lon/lat.</summary>
    private Polygon Shape(Coordinate origin, double angle, (double X, double Y)[] unit)
    {
        var width = 20 + (_random.NextDouble() * 280);
        var height = 20 + (_random.NextDouble() * 280);
        var (sin, cos) = Math.SinCos(angle);
        var ring = unit.Append(unit[0])
            .Select(u => Offset(origin, (u.X * width * cos) - (u.Y * height * sin), (u.X * width * sin) + (u.Y * height * cos)))
            .ToArray();
        return TwinGeometry.Factory.CreatePolygon(ring);
    }

    private Polygon WithHole(Coordinate origin)
    {
        var side = 60 + (_random.NextDouble() * 300);
        LinearRing Square(double from, double to) => TwinGeometry.Factory.CreateLinearRing(
            [Offset(origin, from, from), Offset(origin, to, from), Offset(origin, to, to), Offset(origin, from, to), Offset(origin, from, from)]);
        return TwinGeometry.Factory.CreatePolygon(Square(0, side), [Square(side / 4, side * 3 / 4)]);
    }

    private LineString Line(Coordinate origin)
    {
        var points = new Coordinate[2 + _random.Next(3)];
        points[0] = origin;
        for (var i = 1; i < points.Length; i++)
        {
            points[i] = Offset(origin, (_random.NextDouble() - 0.5) * 800, (_random.NextDouble() - 0.5) * 800);
        }

        return TwinGeometry.Factory.CreateLineString(points);
    }

    private static Coordinate Offset(Coordinate origin, double east, double north) =>
        new(origin.X + (east / Wgs84.MetresPerDegreeOfLongitude(origin.Y)), origin.Y + (north / Wgs84.MetresPerDegreeOfLatitude(origin.Y)));

    private Point RandomPoint()
    {
        var lon = Park.Extent.MinX + (_random.NextDouble() * Park.Extent.Width);
        var lat = Park.Extent.MinY + (_random.NextDouble() * Park.Extent.Height);
        return TwinGeometry.Point(lon, lat);
    }

    private Polygon RandomBox(double minMetres, double maxMetres)
    {
        var corner = RandomPoint();
        var width = (minMetres + (_random.NextDouble() * (maxMetres - minMetres))) / Wgs84.MetresPerDegreeOfLongitude(corner.Y);
        var height = (minMetres + (_random.NextDouble() * (maxMetres - minMetres))) / Wgs84.MetresPerDegreeOfLatitude(corner.Y);
        return TwinGeometry.Box(corner.X, corner.Y, corner.X + width, corner.Y + height);
    }
}
