using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Quadtree;

namespace Twin.Spatial.Indexing;

/// <summary>
/// An in-memory index of the twins' geometries that follows every change: a quadtree (which,
/// unlike an STR-tree, takes inserts and removals) over lon/lat envelopes, with exact
/// predicates on prepared geometries and distances in the park's metric projection.
/// Safe for many readers and one writer at a time.
/// </summary>
public sealed class SpatialIndex<T> : IDisposable
{
    private readonly Quadtree<SpatialEntry<T>> _tree = new();
    private readonly Dictionary<string, SpatialEntry<T>> _byId = new(StringComparer.Ordinal);
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly MetricProjection _projection;

    public SpatialIndex(MetricProjection projection) => _projection = projection;

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _byId.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds or replaces the geometry indexed under <paramref name="id"/>.</summary>
    public void Upsert(string id, Geometry geometry, T value)
    {
        var entry = new SpatialEntry<T>(id, geometry, _projection.ToMetric(geometry), value);
        _lock.EnterWriteLock();
        try
        {
            if (_byId.Remove(id, out var old))
            {
                _tree.Remove(old.Geometry.EnvelopeInternal, old);
            }

            _byId[id] = entry;
            _tree.Insert(geometry.EnvelopeInternal, entry);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool Remove(string id)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_byId.Remove(id, out var old))
            {
                return false;
            }

            _tree.Remove(old.Geometry.EnvelopeInternal, old);
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Every entry whose geometry covers the point (polygons containing it, points on it).</summary>
    public IReadOnlyList<SpatialEntry<T>> At(double lon, double lat)
    {
        var point = TwinGeometry.Point(lon, lat);
        return Query(point.EnvelopeInternal, e => e.Prepared.Covers(point));
    }

    /// <summary>Every entry whose geometry intersects the lon/lat window.</summary>
    public IReadOnlyList<SpatialEntry<T>> Window(Envelope window)
    {
        var box = TwinGeometry.Factory.ToGeometry(window);
        return Query(window, e => e.Geometry.EnvelopeInternal.Intersects(window) && e.Prepared.Intersects(box));
    }

    /// <summary>Every entry whose geometry lies within <paramref name="area"/>.</summary>
    public IReadOnlyList<SpatialEntry<T>> Within(Geometry area)
    {
        var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(area);
        return Query(area.EnvelopeInternal, e => prepared.Covers(e.Geometry));
    }

    /// <summary>
    /// Every entry within <paramref name="metres"/> of the point, nearest first, with its
    /// distance in metres measured in the park's projection.
    /// </summary>
    public IReadOnlyList<(SpatialEntry<T> Entry, double Metres)> Near(double lon, double lat, double metres)
    {
        var centre = new Coordinate(lon, lat);
        var metricCentre = TwinGeometry.Factory.CreatePoint(_projection.ToMetric(centre));
        var result = new List<(SpatialEntry<T>, double)>();
        _lock.EnterReadLock();
        try
        {
            foreach (var entry in _tree.Query(_projection.EnvelopeAround(centre, metres)))
            {
                var d = entry.Metric.Distance(metricCentre);
                if (d <= metres)
                {
                    result.Add((entry, d));
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        result.Sort((a, b) => a.Item2.CompareTo(b.Item2));
        return result;
    }

    private List<SpatialEntry<T>> Query(Envelope envelope, Func<SpatialEntry<T>, bool> predicate)
    {
        _lock.EnterReadLock();
        try
        {
            // The quadtree returns candidates whose envelopes may only be near; the predicate decides.
            return _tree.Query(envelope).Where(predicate).ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose() => _lock.Dispose();
}
