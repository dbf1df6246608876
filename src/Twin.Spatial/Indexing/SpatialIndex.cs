using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index;
using NetTopologySuite.Index.HPRtree;

namespace Twin.Spatial.Indexing;

/// <summary>
/// An in-memory index of the twins' geometries that follows every change. Readers take an
/// immutable snapshot (one volatile read, no lock): a packed R-tree (NTS's Hilbert-packed
/// <see cref="HPRtree{T}"/>, flat arrays, several times faster to query than its STR-tree) over the
/// lon/lat envelopes of the entries it was built from, the entries upserted since (a short list
/// scanned linearly) and the snapshot's version. A removed or replaced entry is not taken out of
/// the tree: the writer stamps it with the version that removed it (its tombstone), and a
/// reader skips entries removed at or before its snapshot's version, so a reader sees the index
/// as of one write, never between two. When <c>rebuildAfter</c> writes have piled up, the tree is
/// rebuilt on a thread-pool thread from the live entries and swapped in; queries never wait for it.
/// One writer at a time (writes take a lock that readers never take).
/// </summary>
/// <remarks>
/// Cheap tests come before exact ones: a point or rectangle needs no exact predicate (it is its
/// envelope), nor does an entry whose envelope a window covers. <see cref="Near"/> measures in the
/// park's transverse Mercator (<see cref="MetricProjection.Project"/>, the same projection as
/// <see cref="MetricProjection.ToMetric(Geometry)"/>) without allocating per candidate.
/// </remarks>
public sealed class SpatialIndex<T> : IDisposable
{
    /// <summary>Writes after which the tree is rebuilt, unless the constructor says otherwise.</summary>
    public const int DefaultRebuildAfter = 256;

    private readonly Dictionary<string, SpatialEntry<T>> _byId = new(StringComparer.Ordinal);
    private readonly Lock _write = new();
    private readonly Lock _rebuildGate = new();
    private readonly MetricProjection _projection;
    private readonly int _rebuildAfter;
    private Snapshot _snapshot;
    private int _rebuildQueued;
    private volatile bool _disposed;

    /// <param name="projection">The park's projection, in which <see cref="Near"/> measures.</param>
    /// <param name="rebuildAfter">Writes (upserts and removals) since the last build after which the tree is rebuilt in the background.</param>
    public SpatialIndex(MetricProjection projection, int rebuildAfter = DefaultRebuildAfter)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentOutOfRangeException.ThrowIfLessThan(rebuildAfter, 1);
        _projection = projection;
        _rebuildAfter = rebuildAfter;
        _snapshot = Snapshot.Empty();
    }

    public int Count => Volatile.Read(ref _snapshot).Count;

    /// <summary>Writes since the tree was built: entries in the linear list, and tombstones in the tree.</summary>
    public int PendingChanges
    {
        get
        {
            var s = Volatile.Read(ref _snapshot);
            return (int)Math.Min(int.MaxValue, s.Version - s.BuiltAt);
        }
    }

    /// <summary>Adds or replaces the geometry indexed under <paramref name="id"/>.</summary>
    public void Upsert(string id, Geometry geometry, T value)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(geometry);
        var entry = new SpatialEntry<T>(id, geometry, value);
        Snapshot next;
        lock (_write)
        {
            var s = _snapshot;
            var version = s.Version + 1;
            var count = s.Count;
            if (_byId.TryGetValue(id, out var old))
            {
                old.RemovedAt = version;
            }
            else
            {
                count++;
            }

            _byId[id] = entry;
            // Readers of older snapshots read the shared list only up to their own count, so
            // appending in place is safe; a full list is copied into a larger one.
            var recent = s.Recent;
            var bounds = s.RecentBounds;
            if (s.RecentCount == recent.Length)
            {
                Array.Resize(ref recent, Math.Max(16, recent.Length * 2));
                Array.Resize(ref bounds, recent.Length * 4);
            }

            recent[s.RecentCount] = entry;
            SetBounds(bounds, s.RecentCount, entry);
            next = new Snapshot(s.Tree, s.Built, recent, bounds, s.RecentCount + 1, version, s.BuiltAt, count);
            Volatile.Write(ref _snapshot, next);
        }

        RebuildIfDue(next);
    }

    public bool Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Snapshot next;
        lock (_write)
        {
            if (!_byId.Remove(id, out var old))
            {
                return false;
            }

            var s = _snapshot;
            old.RemovedAt = s.Version + 1;
            next = new Snapshot(s.Tree, s.Built, s.Recent, s.RecentBounds, s.RecentCount, s.Version + 1, s.BuiltAt, s.Count - 1);
            Volatile.Write(ref _snapshot, next);
        }

        RebuildIfDue(next);
        return true;
    }

    /// <summary>
    /// Builds the tree now from every live entry, on the calling thread (waiting for a background
    /// build under way first). Not needed for correct answers: queries are exact either way.
    /// </summary>
    public void Rebuild()
    {
        lock (_rebuildGate)
        {
            if (PendingChanges > 0)
            {
                RebuildNow();
            }
        }
    }

    /// <summary>Every entry whose geometry covers the point (polygons containing it, points on it).</summary>
    public IReadOnlyList<SpatialEntry<T>> At(double lon, double lat)
    {
        var s = Volatile.Read(ref _snapshot);
        var visitor = new AtVisitor(s.Version, lon, lat);
        s.Visit(new Envelope(lon, lon, lat, lat), visitor);
        return visitor.Result;
    }

    /// <summary>Every entry whose geometry intersects the lon/lat window.</summary>
    public IReadOnlyList<SpatialEntry<T>> Window(Envelope window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var s = Volatile.Read(ref _snapshot);
        var visitor = new WindowVisitor(s.Version, window);
        s.Visit(window, visitor);
        return visitor.Result;
    }

    /// <summary>Every entry whose geometry lies within <paramref name="area"/>.</summary>
    public IReadOnlyList<SpatialEntry<T>> Within(Geometry area)
    {
        ArgumentNullException.ThrowIfNull(area);
        var s = Volatile.Read(ref _snapshot);
        var visitor = new WithinVisitor(s.Version, area);
        s.Visit(area.EnvelopeInternal, visitor);
        return visitor.Result;
    }

    /// <summary>
    /// Every entry within <paramref name="metres"/> of the point, nearest first, with its
    /// distance in metres measured in the park's projection (0 when the geometry covers the point).
    /// </summary>
    public IReadOnlyList<(SpatialEntry<T> Entry, double Metres)> Near(double lon, double lat, double metres)
    {
        var s = Volatile.Read(ref _snapshot);
        var bounds = MetricProjection.DegreeBoundsAround(lon, lat, metres);
        var visitor = new NearVisitor(s.Version, _projection, lon, lat, metres, bounds);
        s.Visit(bounds.Envelope, visitor);
        var result = visitor.Result;
        result.Sort(static (a, b) => a.Metres.CompareTo(b.Metres));
        return result;
    }

    public void Dispose() => _disposed = true;

    private void RebuildIfDue(Snapshot s)
    {
        if (s.Version - s.BuiltAt < _rebuildAfter || _disposed || Interlocked.CompareExchange(ref _rebuildQueued, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(RebuildInBackground);
    }

    private void RebuildInBackground()
    {
        try
        {
            lock (_rebuildGate)
            {
                // Writes made while building are due again at once if there are enough of them.
                while (!_disposed && PendingChanges >= _rebuildAfter)
                {
                    RebuildNow();
                }
            }
        }
        finally
        {
            Volatile.Write(ref _rebuildQueued, 0);
        }

        // A writer that found a build queued just before it ended queued none: look once more.
        RebuildIfDue(Volatile.Read(ref _snapshot));
    }

    /// <summary>Under <see cref="_rebuildGate"/>: a tree of the entries live now, then swapped in with the writes made meanwhile.</summary>
    private void RebuildNow()
    {
        var from = Volatile.Read(ref _snapshot);
        var live = new List<SpatialEntry<T>>(from.Count);
        foreach (var entry in from.Built)
        {
            if (entry.IsLiveAt(from.Version))
            {
                live.Add(entry);
            }
        }

        for (var i = 0; i < from.RecentCount; i++)
        {
            if (from.Recent[i].IsLiveAt(from.Version))
            {
                live.Add(from.Recent[i]);
            }
        }

        var tree = new HPRtree<SpatialEntry<T>>();
        foreach (var entry in live)
        {
            // An empty geometry has no envelope, meets nothing and is left out of the tree.
            if (!entry.Geometry.EnvelopeInternal.IsNull)
            {
                tree.Insert(entry.Geometry.EnvelopeInternal, entry);
            }
        }

        tree.Build();
        lock (_write)
        {
            // No other build ran meanwhile (the gate), so the current list extends the one built
            // from: what was appended since stays in the list; what was removed since is in the
            // tree with its tombstone, until the next build.
            var now = _snapshot;
            var recent = new SpatialEntry<T>[Math.Max(16, now.RecentCount - from.RecentCount)];
            var bounds = new double[recent.Length * 4];
            var recentCount = 0;
            for (var i = from.RecentCount; i < now.RecentCount; i++)
            {
                if (now.Recent[i].IsLiveAt(now.Version))
                {
                    SetBounds(bounds, recentCount, now.Recent[i]);
                    recent[recentCount++] = now.Recent[i];
                }
            }

            Volatile.Write(ref _snapshot, new Snapshot(tree, [.. live], recent, bounds, recentCount, now.Version, from.Version, now.Count));
        }
    }

    private static void SetBounds(double[] bounds, int index, SpatialEntry<T> entry)
    {
        bounds[4 * index] = entry.MinX;
        bounds[(4 * index) + 1] = entry.MaxX;
        bounds[(4 * index) + 2] = entry.MinY;
        bounds[(4 * index) + 3] = entry.MaxY;
    }

    /// <summary>What a reader sees: never changed once published, except slots of <see cref="Recent"/> past its count.</summary>
    private sealed class Snapshot(
        HPRtree<SpatialEntry<T>> tree,
        SpatialEntry<T>[] built,
        SpatialEntry<T>[] recent,
        double[] recentBounds,
        int recentCount,
        long version,
        long builtAt,
        int count)
    {
        public HPRtree<SpatialEntry<T>> Tree { get; } = tree;

        /// <summary>The entries the tree was built from (some may be tombstoned since).</summary>
        public SpatialEntry<T>[] Built { get; } = built;

        public SpatialEntry<T>[] Recent { get; } = recent;

        /// <summary>
        /// The envelopes of <see cref="Recent"/>, four numbers each in one array, so the linear scan
        /// reads contiguous memory instead of one entry object per element (a cache miss each when cold).
        /// </summary>
        public double[] RecentBounds { get; } = recentBounds;

        public int RecentCount { get; } = recentCount;

        /// <summary>Writes since the index was created.</summary>
        public long Version { get; } = version;

        /// <summary>The version the tree was built at.</summary>
        public long BuiltAt { get; } = builtAt;

        public int Count { get; } = count;

        public static Snapshot Empty()
        {
            var tree = new HPRtree<SpatialEntry<T>>();
            tree.Build();
            return new Snapshot(tree, [], new SpatialEntry<T>[16], new double[64], 0, 0, 0, 0);
        }

        /// <summary>Hands the visitor every entry whose envelope meets <paramref name="envelope"/>, live or not.</summary>
        public void Visit(Envelope envelope, IItemVisitor<SpatialEntry<T>> visitor)
        {
            Tree.Query(envelope, visitor);
            var b = RecentBounds;
            for (var i = 0; i < RecentCount; i++)
            {
                // Written so that NaN (an empty geometry) meets nothing.
                if (b[4 * i] <= envelope.MaxX && b[(4 * i) + 1] >= envelope.MinX && b[(4 * i) + 2] <= envelope.MaxY && b[(4 * i) + 3] >= envelope.MinY)
                {
                    visitor.VisitItem(Recent[i]);
                }
            }
        }
    }

    private sealed class AtVisitor(long version, double lon, double lat) : IItemVisitor<SpatialEntry<T>>
    {
        private Point? _point;

        public List<SpatialEntry<T>> Result { get; } = [];

        public void VisitItem(SpatialEntry<T> item)
        {
            // The candidate's envelope holds the point: a point or rectangle covers it.
            if (item.IsLiveAt(version) && (item.FillsEnvelope || item.Prepared.Covers(_point ??= TwinGeometry.Point(lon, lat))))
            {
                Result.Add(item);
            }
        }
    }

    private sealed class WindowVisitor(long version, Envelope window) : IItemVisitor<SpatialEntry<T>>
    {
        private Geometry? _box;

        public List<SpatialEntry<T>> Result { get; } = [];

        public void VisitItem(SpatialEntry<T> item)
        {
            // The candidate's envelope meets the window: a point or rectangle meets it too, and so
            // does any geometry whose envelope lies inside it.
            if (item.IsLiveAt(version)
                && (item.FillsEnvelope
                    || (item.MinX >= window.MinX && item.MaxX <= window.MaxX && item.MinY >= window.MinY && item.MaxY <= window.MaxY)
                    || item.Prepared.Intersects(_box ??= TwinGeometry.Factory.ToGeometry(window))))
            {
                Result.Add(item);
            }
        }
    }

    private sealed class WithinVisitor(long version, Geometry area) : IItemVisitor<SpatialEntry<T>>
    {
        private IPreparedGeometry? _prepared;

        public List<SpatialEntry<T>> Result { get; } = [];

        public void VisitItem(SpatialEntry<T> item)
        {
            if (item.IsLiveAt(version)
                && area.EnvelopeInternal.Covers(item.Geometry.EnvelopeInternal)
                && (_prepared ??= PreparedGeometryFactory.Prepare(area)).Covers(item.Geometry))
            {
                Result.Add(item);
            }
        }
    }

    private sealed class NearVisitor : IItemVisitor<SpatialEntry<T>>
    {
        private readonly long _version;
        private readonly LocalProjection _projection;
        private readonly double _lon;
        private readonly double _lat;
        private readonly double _metres;
        private readonly DegreeBounds _bounds;
        private readonly double _x;
        private readonly double _y;

        public NearVisitor(long version, MetricProjection projection, double lon, double lat, double metres, DegreeBounds bounds)
        {
            _version = version;
            _projection = projection.Around(lat);
            _lon = lon;
            _lat = lat;
            _metres = metres;
            _bounds = bounds;
            (_x, _y) = _projection.Project(lon, lat);
        }

        public List<(SpatialEntry<T> Entry, double Metres)> Result { get; } = [];

        public void VisitItem(SpatialEntry<T> item)
        {
            if (!item.IsLiveAt(_version))
            {
                return;
            }

            // A lower bound of the distance from the envelope in degrees and the least metres per
            // degree around the point: most candidates in the box's corners stop here.
            var dLon = Math.Max(0, Math.Max(item.MinX - _lon, _lon - item.MaxX)) * _bounds.MetresPerDegreeOfLongitude;
            var dLat = Math.Max(0, Math.Max(item.MinY - _lat, _lat - item.MaxY)) * _bounds.MetresPerDegreeOfLatitude;
            if ((dLon * dLon) + (dLat * dLat) > _metres * _metres)
            {
                return;
            }

            var d = MetricDistance.To(item, _projection, _x, _y);
            if (d <= _metres)
            {
                Result.Add((item, d));
            }
        }
    }
}
