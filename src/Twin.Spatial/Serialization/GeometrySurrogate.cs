using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Twin.Spatial.Serialization;

/// <summary>
/// How a geometry crosses a grain call: its well-known binary. Orleans needs one converter per
/// concrete geometry type (a converter for the abstract <see cref="Geometry"/> fails on read).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("twin.geometry")]
public readonly struct GeometrySurrogate
{
    public GeometrySurrogate(byte[] wkb) => Wkb = wkb;

    [Id(0)]
    public byte[] Wkb { get; }

    internal static GeometrySurrogate From(Geometry geometry) => new(new WKBWriter().Write(geometry));

    internal T To<T>() where T : Geometry
    {
        var geometry = new WKBReader(TwinGeometry.Services).Read(Wkb);
        geometry.SRID = TwinGeometry.Wgs84;
        return (T)geometry;
    }
}
