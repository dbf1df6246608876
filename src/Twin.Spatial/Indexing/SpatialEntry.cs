using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Twin.Spatial.Indexing;

/// <summary>
/// One indexed geometry in lon/lat, prepared for repeated predicates. No metric copy is kept:
/// <see cref="SpatialIndex{T}.Near"/> projects the few coordinates it measures when it needs them.
/// </summary>
public sealed class SpatialEntry<T>
{
    private long _removedAt = long.MaxValue;

    internal SpatialEntry(string id, Geometry geometry, T value)
    {
        Id = id;
        Geometry = geometry;
        Prepared = PreparedGeometryFactory.Prepare(geometry);
        Value = value;
        var envelope = geometry.EnvelopeInternal;
        (MinX, MaxX, MinY, MaxY) = envelope.IsNull ? (double.NaN, double.NaN, double.NaN, double.NaN) : (envelope.MinX, envelope.MaxX, envelope.MinY, envelope.MaxY);
        Shape = geometry switch
        {
            Point p when !p.IsEmpty => EntryShape.Point,
            Polygon polygon when polygon.IsRectangle => EntryShape.Rectangle,
            _ => EntryShape.Other,
        };
    }

    public string Id { get; }

    public Geometry Geometry { get; }

    public IPreparedGeometry Prepared { get; }

    public T Value { get; }

    /// <summary>
    /// A point or an axis-aligned rectangle: the geometry is its envelope, so whatever meets the
    /// envelope meets the geometry and no exact predicate is needed.
    /// </summary>
    // The envelope's bounds, held here so that the queries' cheap tests read the entry alone (NaN when empty).
    internal readonly double MinX;
    internal readonly double MaxX;
    internal readonly double MinY;
    internal readonly double MaxY;

    internal bool FillsEnvelope => Shape != EntryShape.Other;

    /// <summary>A point, an axis-aligned rectangle (both known from the envelope alone), or any other geometry.</summary>
    internal EntryShape Shape { get; }

    /// <summary>
    /// The index version at which this entry was removed or replaced (its tombstone), or
    /// <see cref="long.MaxValue"/> while it is current. Set once, by the index's writer.
    /// </summary>
    internal long RemovedAt
    {
        get => Volatile.Read(ref _removedAt);
        set => Volatile.Write(ref _removedAt, value);
    }

    /// <summary>Whether a reader of the index at <paramref name="version"/> sees this entry.</summary>
    internal bool IsLiveAt(long version) => RemovedAt > version;
}

internal enum EntryShape : byte
{
    Other,
    Point,
    Rectangle,
}
