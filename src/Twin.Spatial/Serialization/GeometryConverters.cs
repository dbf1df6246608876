using NetTopologySuite.Geometries;

namespace Twin.Spatial.Serialization;

[RegisterConverter]
public sealed class PointConverter : IConverter<Point, GeometrySurrogate>
{
    public Point ConvertFromSurrogate(in GeometrySurrogate surrogate) => surrogate.To<Point>();

    public GeometrySurrogate ConvertToSurrogate(in Point value) => GeometrySurrogate.From(value);
}

[RegisterConverter]
public sealed class LineStringConverter : IConverter<LineString, GeometrySurrogate>
{
    public LineString ConvertFromSurrogate(in GeometrySurrogate surrogate) => surrogate.To<LineString>();

    public GeometrySurrogate ConvertToSurrogate(in LineString value) => GeometrySurrogate.From(value);
}

[RegisterConverter]
public sealed class LinearRingConverter : IConverter<LinearRing, GeometrySurrogate>
{
    public LinearRing ConvertFromSurrogate(in GeometrySurrogate surrogate) =>
        TwinGeometry.Factory.CreateLinearRing(surrogate.To<LineString>().CoordinateSequence);

    public GeometrySurrogate ConvertToSurrogate(in LinearRing value) => GeometrySurrogate.From(value);
}

[RegisterConverter]
public sealed class PolygonConverter : IConverter<Polygon, GeometrySurrogate>
{
    public Polygon ConvertFromSurrogate(in GeometrySurrogate surrogate) => surrogate.To<Polygon>();

    public GeometrySurrogate ConvertToSurrogate(in Polygon value) => GeometrySurrogate.From(value);
}

[RegisterConverter]
public sealed class MultiPointConverter : IConverter<MultiPoint, GeometrySurrogate>
{
    public MultiPoint ConvertFromSurrogate(in GeometrySurrogate surrogate) => surrogate.To<MultiPoint>();

    public GeometrySurrogate ConvertToSurrogate(in MultiPoint value) => GeometrySurrogate.From(value);
}

[RegisterConverter]
public sealed class MultiLineStringConverter : IConverter<MultiLineString, GeometrySurrogate>
{
    public MultiLineString ConvertFromSurrogate(in GeometrySurrogate surrogate) => surrogate.To<MultiLineString>();

    public GeometrySurrogate ConvertToSurrogate(in MultiLineString value) => GeometrySurrogate.From(value);
}

[RegisterConverter]
public sealed class MultiPolygonConverter : IConverter<MultiPolygon, GeometrySurrogate>
{
    public MultiPolygon ConvertFromSurrogate(in GeometrySurrogate surrogate) => surrogate.To<MultiPolygon>();

    public GeometrySurrogate ConvertToSurrogate(in MultiPolygon value) => GeometrySurrogate.From(value);
}

[RegisterConverter]
public sealed class GeometryCollectionConverter : IConverter<GeometryCollection, GeometrySurrogate>
{
    public GeometryCollection ConvertFromSurrogate(in GeometrySurrogate surrogate) => surrogate.To<GeometryCollection>();

    public GeometrySurrogate ConvertToSurrogate(in GeometryCollection value) => GeometrySurrogate.From(value);
}
