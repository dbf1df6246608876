using NetTopologySuite.Geometries;

namespace Twin.Spatial.Indexing;

/// <summary>
/// The distance in metres from a point to a lon/lat geometry in the park's projection, as
/// <c>projection.ToMetric(geometry).Distance(point)</c> gives it, but without copying the
/// geometry: each vertex is projected on the fly (<see cref="MetricProjection.Project"/>), edges
/// are measured as plane segments, and a polygon that covers the point is at 0.
/// </summary>
internal static class MetricDistance
{
    /// <summary>Metres from the projected point (<paramref name="x"/>, <paramref name="y"/>) to <paramref name="geometry"/>; +∞ when it is empty.</summary>
    public static double To(Geometry geometry, MetricProjection projection, double x, double y) => geometry switch
    {
        Point p => p.IsEmpty ? double.PositiveInfinity : ToPoint(p.X, p.Y, projection, x, y),
        LineString line => Math.Sqrt(SquaredToSequence(line.CoordinateSequence, projection, x, y, out _)),
        Polygon polygon => ToPolygon(polygon, projection, x, y),
        GeometryCollection collection => ToCollection(collection, projection, x, y),
        _ => throw new NotSupportedException($"no distance to a {geometry.GeometryType}"),
    };

    private static double ToPoint(double lon, double lat, MetricProjection projection, double x, double y)
    {
        var (px, py) = projection.Project(lon, lat);
        return Math.Sqrt(((px - x) * (px - x)) + ((py - y) * (py - y)));
    }

    private static double ToPolygon(Polygon polygon, MetricProjection projection, double x, double y)
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

    private static double ToCollection(GeometryCollection collection, MetricProjection projection, double x, double y)
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
    private static double SquaredToSequence(CoordinateSequence sequence, MetricProjection projection, double x, double y, out int crossings)
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
            var dx = bx - ax;
            var dy = by - ay;
            var length2 = (dx * dx) + (dy * dy);
            var t = length2 > 0 ? Math.Clamp(-((ax * dx) + (ay * dy)) / length2, 0, 1) : 0;
            var nx = ax + (t * dx);
            var ny = ay + (t * dy);
            least = Math.Min(least, (nx * nx) + (ny * ny));
            if ((ay > 0) != (by > 0) && ax - (ay * dx / dy) > 0)
            {
                crossings++;
            }

            ax = bx;
            ay = by;
        }

        return least;
    }
}
