using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Twin.Spatial;
using Twin.Spatial.Indexing;

namespace Twin.Benchmarks;

/// <summary>
/// Not product code: a sketch of the fix docs/performance.md proposes for <see cref="SpatialIndex{T}"/>,
/// over the same entries, to measure its effect. A packed STR-tree (the catalog would rebuild it in
/// the background and keep recent upserts in a small side list) hands the predicates only the
/// entries whose envelopes really meet the query; cheap envelope tests come before the exact ones.
/// </summary>
public sealed class ProposedSpatialIndex
{
    private readonly STRtree<SpatialEntry<TwinState>> _tree = new();
    private readonly MetricProjection _projection;

    public ProposedSpatialIndex(IEnumerable<SpatialEntry<TwinState>> entries, MetricProjection projection)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _projection = projection;
        foreach (var entry in entries)
        {
            _tree.Insert(entry.Geometry.EnvelopeInternal, entry);
        }

        _tree.Build();
    }

    public List<SpatialEntry<TwinState>> At(double lon, double lat)
    {
        var result = new List<SpatialEntry<TwinState>>(2);
        var candidates = _tree.Query(new Envelope(lon, lon, lat, lat));
        if (candidates.Count == 0)
        {
            return result;
        }

        var point = TwinGeometry.Point(lon, lat);
        foreach (var e in candidates)
        {
            if (e.Prepared.Covers(point))
            {
                result.Add(e);
            }
        }

        return result;
    }

    public List<SpatialEntry<TwinState>> Window(Envelope window)
    {
        var result = new List<SpatialEntry<TwinState>>();
        Polygon? box = null;
        foreach (var e in _tree.Query(window))
        {
            // Wholly inside the window: it intersects, no exact test needed.
            if (window.Covers(e.Geometry.EnvelopeInternal) || e.Prepared.Intersects(box ??= (Polygon)TwinGeometry.Factory.ToGeometry(window)))
            {
                result.Add(e);
            }
        }

        return result;
    }

    public List<(SpatialEntry<TwinState> Entry, double Metres)> Near(double lon, double lat, double metres)
    {
        var c = _projection.ToMetric(new Coordinate(lon, lat));
        var centre = TwinGeometry.Factory.CreatePoint(c);
        var result = new List<(SpatialEntry<TwinState>, double)>();
        foreach (var e in _tree.Query(_projection.EnvelopeAround(new Coordinate(lon, lat), metres)))
        {
            // The envelope's distance is a lower bound of the geometry's: skip the exact one when it is already too far.
            if (e.Metric.EnvelopeInternal.Distance(centre.EnvelopeInternal) > metres)
            {
                continue;
            }

            var d = e.Metric.Distance(centre);
            if (d <= metres)
            {
                result.Add((e, d));
            }
        }

        result.Sort((a, b) => a.Item2.CompareTo(b.Item2));
        return result;
    }
}
