using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Twin.Spatial;

/// <summary>
/// A transverse Mercator projection centred on the park, with scale factor 1 on its central
/// meridian, so that areas and distances in metres are exact to well under 0.1% across a
/// park some tens of kilometres wide. Degrees are never used as a measure.
/// </summary>
public sealed class MetricProjection
{
    private readonly MathTransform _forward;
    private readonly MathTransform _inverse;

    public MetricProjection(double centralLongitude, double originLatitude)
    {
        CentralLongitude = centralLongitude;
        OriginLatitude = originLatitude;
        var factory = new CoordinateSystemFactory();
        var parameters = new List<ProjectionParameter>
        {
            new("latitude_of_origin", originLatitude),
            new("central_meridian", centralLongitude),
            new("scale_factor", 1.0),
            new("false_easting", 0.0),
            new("false_northing", 0.0),
        };
        var projection = factory.CreateProjection("Park TM", "Transverse_Mercator", parameters);
        var projected = factory.CreateProjectedCoordinateSystem(
            "Park TM (metres)",
            GeographicCoordinateSystem.WGS84,
            projection,
            LinearUnit.Metre,
            new AxisInfo("East", AxisOrientationEnum.East),
            new AxisInfo("North", AxisOrientationEnum.North));
        var transform = new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, projected);
        _forward = transform.MathTransform;
        _inverse = transform.MathTransform.Inverse();
    }

    /// <summary>The projection the twin uses for a park centred near 115.5°E 27.9°N.</summary>
    public static MetricProjection ForPark(Envelope parkExtent) =>
        new(parkExtent.Centre.X, parkExtent.Centre.Y);

    public double CentralLongitude { get; }

    public double OriginLatitude { get; }

    /// <summary>A copy of <paramref name="geometry"/> in projected metres (SRID 0).</summary>
    public Geometry ToMetric(Geometry geometry) => Transform(geometry, _forward);

    /// <summary>A copy of a metric geometry back in WGS 84 lon/lat.</summary>
    public Geometry ToGeographic(Geometry metric) => Transform(metric, _inverse);

    public Coordinate ToMetric(Coordinate lonLat)
    {
        var (x, y) = _forward.Transform(lonLat.X, lonLat.Y);
        return new Coordinate(x, y);
    }

    public Coordinate ToGeographic(Coordinate metric)
    {
        var (x, y) = _inverse.Transform(metric.X, metric.Y);
        return new Coordinate(x, y);
    }

    /// <summary>Area in square metres.</summary>
    public double Area(Geometry geometry) => ToMetric(geometry).Area;

    /// <summary>Length in metres (perimeter for polygons).</summary>
    public double Length(Geometry geometry) => ToMetric(geometry).Length;

    /// <summary>Shortest distance between two geometries in metres.</summary>
    public double Distance(Geometry a, Geometry b) => ToMetric(a).Distance(ToMetric(b));

    /// <summary>
    /// A lon/lat envelope that surely holds every point within <paramref name="metres"/> of
    /// <paramref name="centre"/>; the exact test is then made in metres.
    /// </summary>
    public Envelope EnvelopeAround(Coordinate centre, double metres)
    {
        var c = ToMetric(centre);
        var env = new Envelope();
        // The corners and edge midpoints of the metric square, taken back to lon/lat.
        for (var dx = -1; dx <= 1; dx++)
        {
            for (var dy = -1; dy <= 1; dy++)
            {
                env.ExpandToInclude(ToGeographic(new Coordinate(c.X + (dx * metres), c.Y + (dy * metres))));
            }
        }

        return env;
    }

    private static Geometry Transform(Geometry geometry, MathTransform transform)
    {
        var copy = geometry.Copy();
        copy.Apply(new TransformFilter(transform));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class TransformFilter(MathTransform transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y) = transform.Transform(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
