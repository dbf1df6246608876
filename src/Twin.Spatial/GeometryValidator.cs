using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Twin.Spatial;

/// <summary>Checks a twin's geometry before it is accepted: shape, coordinates and OGC validity.</summary>
public static class GeometryValidator
{
    /// <summary>
    /// The reason <paramref name="geometry"/> is not acceptable, or <c>null</c> when it is.
    /// </summary>
    /// <param name="geometry">The geometry to check, in lon/lat.</param>
    /// <param name="allowed">The OGC geometry types accepted here (e.g. "Polygon").</param>
    public static string? Check(Geometry? geometry, params string[] allowed)
    {
        if (geometry is null)
        {
            return "geometry is missing";
        }

        if (allowed.Length > 0 && !allowed.Contains(geometry.GeometryType))
        {
            return $"geometry must be {string.Join(" or ", allowed)}, not {geometry.GeometryType}";
        }

        if (geometry.IsEmpty)
        {
            return "geometry is empty";
        }

        foreach (var c in geometry.Coordinates)
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90)
            {
                return $"coordinate ({c.X}, {c.Y}) is not a longitude/latitude";
            }
        }

        var op = new IsValidOp(geometry);
        if (!op.IsValid)
        {
            var error = op.ValidationError;
            return $"geometry is not valid: {error.Message} at ({error.Coordinate?.X}, {error.Coordinate?.Y})";
        }

        return null;
    }
}
