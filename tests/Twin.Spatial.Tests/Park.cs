using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Twin.Spatial.Tests;

/// <summary>The park the tests measure in: its outline's extent near 115.5°E 27.9°N, and WKT test data.</summary>
internal static class Park
{
    /// <summary>The seed park's extent (data/README.md): 115.43–115.57 E, 27.85–27.95 N.</summary>
    public static Envelope Extent { get; } = new(115.43, 115.57, 27.85, 27.95);

    /// <summary>The projection the twin uses for that extent, centred on 115.5°E 27.9°N.</summary>
    public static MetricProjection Projection { get; } = MetricProjection.ForPark(Extent);

    /// <summary>A geometry from WKT, built by the twin's factory (SRID 4326).</summary>
    public static Geometry Wkt(string wkt) => new WKTReader(TwinGeometry.Services).Read(wkt);
}
