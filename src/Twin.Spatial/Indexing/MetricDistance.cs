using NetTopologySuite.Geometries;

namespace Twin.Spatial.Indexing;

/// <summary>
/// The distance in metres from a point to a lon/lat geometry in the park's projection, as
/// <c>projection.ToMetric(geometry).Distance(point)</c> gives it, but without copying the
/// geometry: each vertex is projected on the fly (<see cref="LocalProjection.Project(double, double)"/>), edges
/// are measured as plane segments, and a polygon that covers the point is at 0. Points and
/// rectangles are read from their envelope, which saves walking the geometry's objects.
/// </summary>
internal static class MetricDistance
{
    /// <summary>Metres from the projected point (<paramref name="x"/>, <paramref name="y"/>) to the entry's geometry; +∞ when it is empty.</summary>
    public static double To<T>(SpatialEntry<T> entry, in LocalProjection projection, double x, double y)
    {
        var e = entry;
        switch (entry.Shape)
        {
            case EntryShape.Point:
                return ToPoint(e.MinX, e.MinY, projection, x, y);
            case EntryShape.Rectangle:
                {
                    // The ring of a rectangle joins its envelope's corners in this cyclic order (or its reverse).
                    var south = projection.Latitude(e.MinY);
                    var north = projection.Latitude(e.MaxY);
                    var (x0, y0) = projection.Project(e.MinX, south);
                    var (x1, y1) = projection.Project(e.MaxX, south);
                    var (x2, y2) = projection.Project(e.MaxX, north);
                    var (x3, y3) = projection.Project(e.MinX, north);
                    x0 -= x;
                    x1 -= x;
                    x2 -= x;
                    x3 -= x;
                    y0 -= y;
                    y1 -= y;
                    y2 -= y;
                    y3 -= y;
                    var crossings = 0;
                    var least = Math.Min(
                        Math.Min(Edge(x0, y0, x1, y1, ref crossings), Edge(x1, y1, x2, y2, ref crossings)),
                        Math.Min(Edge(x2, y2, x3, y3, ref crossings), Edge(x3, y3, x0, y0, ref crossings)));
                    return (crossings & 1) == 1 ? 0 : Math.Sqrt(least);
                }

            default:
                return To(entry.Geometry, projection, x, y);
        }
    }

    /// <summary>Metres from the projected point (<paramref name="x"/>, <paramref name="y"/>) to <paramref name="geometry"/>; +∞ when it is empty.</summary>
    public static double To(Geometry geometry, in LocalProjection projection, double x, double y) => geometry switch
    {
        Point p => p.IsEmpty ? double.PositiveInfinity : ToPoint(p.X, p.Y, projection, x, y),
        LineString line => Math.Sqrt(SquaredToSequence(line.CoordinateSequence, projection, x, y, out _)),
        Polygon polygon => ToPolygon(polygon, projection, x, y),
        GeometryCollection collection => ToCollection(collection, projection, x, y),
        _ => throw new NotSupportedException($"no distance to a {geometry.GeometryType}"),
    };

    private static double ToPoint(double lon, double lat, in LocalProjection projection, double x, double y)
    {
        var (px, py) = projection.Project(lon, lat);
        return Math.Sqrt(((px - x) * (px - x)) + ((py - y) * (py - y)));
    }

    private static double ToPolygon(Polygon polygon, in LocalProjection projection, double x, double y)
    {
        if (polygon.IsEmpty)
        {
            return double.PositiveInfinity;
        }

        // Crossings of a ray from the point, over the shell and the holes: odd means inside the area.
        var least = SquaredToSequence(polygon.ExteriorRing.CoordinateSequence, projection, x, y, out var crossings);
        for (var i = 0; i < polygon.NumInteriorRings; i++)
        {
            least = Math.Min(least, SquaredToSequence(polygon.GetInteriorRingN(i).CoordinateSequence, projection, x, y, out var c));
            crossings += c;
        }

        return (crossings & 1) == 1 ? 0 : Math.Sqrt(least);
    }

    private static double ToCollection(GeometryCollection collection, in LocalProjection projection, double x, double y)
    {
        var least = double.PositiveInfinity;
        for (var i = 0; i < collection.NumGeometries && least > 0; i++)
        {
            least = Math.Min(least, To(collection.GetGeometryN(i), projection, x, y));
        }

        return least;
    }

    /// <summary>
    /// The least squared distance from the point to the vertices and edges of <paramref name="sequence"/>,
    /// and how many of its edges cross the ray from the point towards +x.
    /// </summary>
    private static double SquaredToSequence(CoordinateSequence sequence, in LocalProjection projection, double x, double y, out int crossings)
    {
        crossings = 0;
        if (sequence.Count == 0)
        {
            return double.PositiveInfinity;
        }

        // Coordinates relative to the point, which is then the origin.
        var (ax, ay) = projection.Project(sequence.GetX(0), sequence.GetY(0));
        ax -= x;
        ay -= y;
        var least = (ax * ax) + (ay * ay);
        for (var i = 1; i < sequence.Count; i++)
        {
            var (bx, by) = projection.Project(sequence.GetX(i), sequence.GetY(i));
            bx -= x;
            by -= y;
            least = Math.Min(least, Edge(ax, ay, bx, by, ref crossings));
            ax = bx;
            ay = by;
        }

        return least;
    }

    /// <summary>The squared distance from the origin to the segment a–b; counts a crossing of the ray from the origin towards +x.</summary>
    private static double Edge(double ax, double ay, double bx, double by, ref int crossings)
    {
        var dx = bx - ax;
        var dy = by - ay;
        var length2 = (dx * dx) + (dy * dy);
        var t = length2 > 0 ? Math.Clamp(-((ax * dx) + (ay * dy)) / length2, 0, 1) : 0;
        var nx = ax + (t * dx);
        var ny = ay + (t * dy);
        if ((ay > 0) != (by > 0) && ax - (ay * dx / dy) > 0)
        {
            crossings++;
        }

        return (nx * nx) + (ny * ny);
    }
}
