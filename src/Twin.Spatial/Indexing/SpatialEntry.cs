using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Twin.Spatial.Indexing;

/// <summary>One indexed geometry: lon/lat, prepared for repeated predicates, and in metres.</summary>
public sealed class SpatialEntry<T>
{
    internal SpatialEntry(string id, Geometry geometry, Geometry metric, T value)
    {
        Id = id;
        Geometry = geometry;
        Prepared = PreparedGeometryFactory.Prepare(geometry);
        Metric = metric;
        Value = value;
    }

    public string Id { get; }

    public Geometry Geometry { get; }

    public IPreparedGeometry Prepared { get; }

    public Geometry Metric { get; }

    public T Value { get; }
}
