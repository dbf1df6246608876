using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Twin.Spatial;

/// <summary>
/// The one place geometry is created: every twin's geometry is WGS 84 longitude/latitude
/// (SRID 4326, as RFC 7946 GeoJSON requires), built by the same <see cref="GeometryFactory"/>.
/// </summary>
public static class TwinGeometry
{
    /// <summary>WGS 84 geographic coordinates, the SRID of every stored geometry.</summary>
    public const int Wgs84 = 4326;

    /// <summary>The services behind <see cref="Factory"/>; readers that need them take these.</summary>
    public static NtsGeometryServices Services { get; } = new(
        NetTopologySuite.Geometries.Implementation.CoordinateArraySequenceFactory.Instance,
        new PrecisionModel(PrecisionModels.Floating),
        Wgs84);

    public static GeometryFactory Factory { get; } = Services.CreateGeometryFactory();

    public static Point Point(double lon, double lat) => Factory.CreatePoint(new Coordinate(lon, lat));

    /// <summary>An axis-aligned rectangle in degrees; handy for windows and test data.</summary>
    public static Polygon Box(double minLon, double minLat, double maxLon, double maxLat) =>
        (Polygon)Factory.ToGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
}
