using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Twin.Spatial.Indexing;

namespace Twin.Spatial.Tests.Indexing;

/// <summary>
/// The index against a plain scan of every feature with prepared predicates, on random boxes and
/// points over the park (a fixed seed, so a failure can be replayed), before and after changes.
/// </summary>
public sealed class SpatialIndexBruteForceTests
{
    private const int Features = 2_000;
    private const int QueriesOfEachKind = 150;
    private static readonly MetricProjection Projection = Park.Projection;

    private readonly Random _random = new(20_261_127);
    private readonly Dictionary<string, Geometry> _features = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IPreparedGeometry> _prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Geometry> _metric = new(StringComparer.Ordinal);
    private int _hits;

    [Fact]
    public void At_Window_Within_and_Near_match_a_brute_force_scan_of_2000_random_features_before_and_after_changes()
    {
        using var index = new SpatialIndex<int>(Projection);
        for (var i = 0; i < Features; i++)
        {
            Put(index, $"building:b{i:D4}", i);
        }

        AssertIndexMatchesScan(index);

        // Remove a fifth, move a fifth (an upsert with a new shape) and add a tenth.
        var ids = _features.Keys.Order(StringComparer.Ordinal).ToArray();
        _random.Shuffle(ids);
        foreach (var id in ids[..400])
        {
            Assert.True(index.Remove(id));
            _features.Remove(id);
            _prepared.Remove(id);
            _metric.Remove(id);
        }

        foreach (var id in ids[400..800])
        {
            Put(index, id, -1);
        }

        for (var i = Features; i < Features + 200; i++)
        {
            Put(index, $"building:b{i:D4}", i);
        }

        Assert.Equal(_features.Count, index.Count);
        AssertIndexMatchesScan(index);
    }

    private void Put(SpatialIndex<int> index, string id, int value)
    {
        // About one feature in ten is a point (a zero-extent envelope), the rest boxes of 10 to 400 m.
        Geometry geometry = _random.Next(10) == 0 ? RandomPoint() : RandomBox(10, 400);
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

        // Points where something surely is: every point feature, and the centres of a few boxes.
        foreach (var geometry in _features.Values.Take(300))
        {
            var at = geometry is Point p ? p : geometry.Centroid;
            AssertAt(index, at);
        }

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
        var expected = Scan(id => _metric[id].Distance(metricCentre) <= metres);

        var near = index.Near(centre.X, centre.Y, metres);

        Assert.Equal(expected, near.Select(n => n.Entry.Id).Order(StringComparer.Ordinal));
        for (var i = 0; i < near.Count; i++)
        {
            Assert.Equal(Projection.Distance(_features[near[i].Entry.Id], TwinGeometry.Point(centre.X, centre.Y)), near[i].Metres, 1e-6);
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
