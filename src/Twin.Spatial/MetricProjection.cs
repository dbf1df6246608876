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
    // WGS 84, the ellipsoid of the projection (GeographicCoordinateSystem.WGS84 below).
    private const double SemiMajorAxis = 6_378_137.0;
    private const double Flattening = 1 / 298.257223563;
    private const double E2 = Flattening * (2 - Flattening);
    private const double E4 = E2 * E2;
    private const double E6 = E4 * E2;
    private const double SecondE2 = E2 / (1 - E2);

    // Meridian arc (Snyder, Map Projections — A Working Manual, eq. 3-21) as a0·φ − a2·sin 2φ + a4·sin 4φ − a6·sin 6φ.
    private const double A0 = 1 - (E2 / 4) - (3 * E4 / 64) - (5 * E6 / 256);
    private const double A2 = (3 * E2 / 8) + (3 * E4 / 32) + (45 * E6 / 1024);
    private const double A4 = (15 * E4 / 256) + (45 * E6 / 1024);
    private const double A6 = 35 * E6 / 3072;

    /// <summary>
    /// Metres per degree of latitude at the equator, the least anywhere on the ellipsoid
    /// (the meridional radius of curvature a(1 − e²) is smallest there).
    /// </summary>
    private const double LeastMetresPerDegreeOfLatitude = SemiMajorAxis * (1 - E2) * Math.PI / 180;

    /// <summary>How much wider than the metric circle <see cref="DegreeBoundsAround"/> makes its box.</summary>
    private const double BoundsMargin = 0.01;

    private readonly MathTransform _forward;
    private readonly MathTransform _inverse;
    private readonly double _centralRadians;
    private readonly double _originArc;

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
        _centralRadians = double.DegreesToRadians(centralLongitude);
        _originArc = MeridianArc(double.DegreesToRadians(originLatitude));
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

    /// <summary>
    /// The same transverse Mercator as <see cref="ToMetric(Coordinate)"/>, worked out here from
    /// Snyder's series (eqs. 8-9 to 8-13) without ProjNet: no allocation, a few tens of nanoseconds,
    /// for the hot paths (<c>SpatialIndex.Near</c>). Within 1° of the central meridian it agrees with
    /// ProjNet's transform to within a few micrometres (tested): ProjNet sums the same series.
    /// </summary>
    public (double X, double Y) Project(double lon, double lat)
    {
        var phi = double.DegreesToRadians(lat);
        var (sin, cos) = Math.SinCos(phi);
        return Forward(lon, phi, sin, cos);
    }

    /// <summary>
    /// <see cref="Project"/> for many points near latitude <paramref name="lat"/>: the sine and
    /// cosine of a latitude within 0.5° of it come from the angle-addition formulas with short
    /// series (exact to double precision there), not from <see cref="Math.SinCos"/>.
    /// </summary>
    public LocalProjection Around(double lat) => new(this, double.DegreesToRadians(lat));

    internal (double X, double Y) Forward(double lon, double phi, double sin, double cos) => Forward(lon, new LatitudeTerms(this, phi, sin, cos));

    /// <summary>Snyder's eqs. 8-9 and 8-10 for one longitude, with the terms of its latitude worked out once.</summary>
    internal (double X, double Y) Forward(double lon, in LatitudeTerms terms)
    {
        var a = (double.DegreesToRadians(lon) - _centralRadians) * terms.Cos;
        var a2 = a * a;
        var x = terms.N * a * (1 + (a2 * (terms.X3 + (a2 * terms.X5))));
        var y = terms.Arc + (terms.NTan * a2 * (0.5 + (a2 * (terms.Y4 + (a2 * terms.Y6)))));
        return (x, y);
    }

    /// <summary>What eqs. 8-9 and 8-10 need of a latitude, shared by every point on it.</summary>
    internal readonly struct LatitudeTerms
    {
        public LatitudeTerms(MetricProjection projection, double phi, double sin, double cos)
        {
            N = SemiMajorAxis / Math.Sqrt(1 - (E2 * sin * sin));
            var tan = sin / cos;
            var t = tan * tan;
            var c = SecondE2 * cos * cos;
            Cos = cos;
            NTan = N * tan;
            Arc = MeridianArc(phi, sin, cos) - projection._originArc;
            X3 = (1 - t + c) * (1.0 / 6);
            X5 = (5 - (18 * t) + (t * t) + (72 * c) - (58 * SecondE2)) * (1.0 / 120);
            Y4 = (5 - t + (9 * c) + (4 * c * c)) * (1.0 / 24);
            Y6 = (61 - (58 * t) + (t * t) + (600 * c) - (330 * SecondE2)) * (1.0 / 720);
        }

        public double Cos { get; }

        public double N { get; }

        public double NTan { get; }

        /// <summary>M − M₀: the meridian arc from the origin's latitude.</summary>
        public double Arc { get; }

        public double X3 { get; }

        public double X5 { get; }

        public double Y4 { get; }

        public double Y6 { get; }
    }

    /// <summary>
    /// A lon/lat box that surely holds every point within <paramref name="metres"/> (in this
    /// projection) of (<paramref name="lon"/>, <paramref name="lat"/>), from the least metres per
    /// degree on the latitudes it spans, widened by 1%: arithmetic only, no projection. A transverse
    /// Mercator with scale 1 on its central meridian never shortens a distance, so the box made for
    /// the ellipsoid's distances holds the projection's circle too (tested). Spanning a pole it
    /// takes every longitude; it does not wrap at ±180°.
    /// </summary>
    public static DegreeBounds DegreeBoundsAround(double lon, double lat, double metres)
    {
        var reach = (metres * (1 + BoundsMargin)) + 0.01;
        var dLat = reach / LeastMetresPerDegreeOfLatitude;
        var farthest = Math.Max(Math.Abs(lat - dLat), Math.Abs(lat + dLat));
        var metresPerDegreeOfLongitude = farthest >= 89.999 ? 0 : MetresPerDegreeOfLongitude(farthest);
        var dLon = metresPerDegreeOfLongitude <= 0 ? 360 : reach / metresPerDegreeOfLongitude;
        var envelope = new Envelope(lon - dLon, lon + dLon, lat - dLat, lat + dLat);
        // Lower bounds of the metres in a degree over the box, with the same margin, for distance cuts.
        return new DegreeBounds(envelope, metresPerDegreeOfLongitude / (1 + BoundsMargin), LeastMetresPerDegreeOfLatitude / (1 + BoundsMargin));
    }

    /// <summary>Metres in one degree of longitude (along the parallel) at <paramref name="latitude"/> on WGS 84.</summary>
    private static double MetresPerDegreeOfLongitude(double latitude)
    {
        var (sin, cos) = Math.SinCos(double.DegreesToRadians(latitude));
        return SemiMajorAxis * cos / Math.Sqrt(1 - (E2 * sin * sin)) * Math.PI / 180;
    }

    private static double MeridianArc(double phi) => MeridianArc(phi, Math.Sin(phi), Math.Cos(phi));

    /// <summary>Distance along the meridian from the equator to latitude φ, with sin 2φ, 4φ, 6φ from sin φ and cos φ.</summary>
    private static double MeridianArc(double phi, double sin, double cos)
    {
        var sin2 = 2 * sin * cos;
        var cos2 = (cos * cos) - (sin * sin);
        var sin4 = 2 * sin2 * cos2;
        var cos4 = (cos2 * cos2) - (sin2 * sin2);
        var sin6 = (sin4 * cos2) + (cos4 * sin2);
        return SemiMajorAxis * ((A0 * phi) - (A2 * sin2) + (A4 * sin4) - (A6 * sin6));
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

/// <summary>
/// A lon/lat box around a circle in metres (<see cref="MetricProjection.DegreeBoundsAround"/>) and
/// the least metres per degree inside it, so that a lon/lat offset gives a lower bound of a distance.
/// </summary>
public readonly record struct DegreeBounds(Envelope Envelope, double MetresPerDegreeOfLongitude, double MetresPerDegreeOfLatitude);

/// <summary>The park's projection for points near one latitude (<see cref="MetricProjection.Around"/>).</summary>
public readonly struct LocalProjection
{
    /// <summary>Beyond this many radians from the reference latitude, <see cref="Math.SinCos"/> is called after all.</summary>
    private const double SeriesReach = 0.009;

    private readonly MetricProjection _projection;
    private readonly double _phi0;
    private readonly double _sin0;
    private readonly double _cos0;

    internal LocalProjection(MetricProjection projection, double phi0)
    {
        _projection = projection;
        _phi0 = phi0;
        (_sin0, _cos0) = Math.SinCos(phi0);
    }

    public (double X, double Y) Project(double lon, double lat) => _projection.Forward(lon, Latitude(lat));

    /// <summary>The terms of a latitude, for projecting several points on it (a rectangle's corners).</summary>
    internal MetricProjection.LatitudeTerms Latitude(double lat)
    {
        var phi = double.DegreesToRadians(lat);
        var d = phi - _phi0;
        double sin, cos;
        if (Math.Abs(d) <= SeriesReach)
        {
            // |d| ≤ 0.009: the next terms (d⁶/720, d⁷/5040) are below 1e-15.
            var d2 = d * d;
            var sinD = d * (1 - (d2 / 6 * (1 - (d2 / 20))));
            var cosD = 1 - (d2 / 2 * (1 - (d2 / 12 * (1 - (d2 / 30)))));
            sin = (_sin0 * cosD) + (_cos0 * sinD);
            cos = (_cos0 * cosD) - (_sin0 * sinD);
        }
        else
        {
            (sin, cos) = Math.SinCos(phi);
        }

        return new MetricProjection.LatitudeTerms(_projection, phi, sin, cos);
    }

    /// <summary><see cref="Project(double, double)"/> of a point on a latitude whose terms are known.</summary>
    internal (double X, double Y) Project(double lon, in MetricProjection.LatitudeTerms latitude) => _projection.Forward(lon, latitude);
}
