namespace Twin.Spatial.Tests;

/// <summary>
/// Metres per degree on the WGS 84 ellipsoid from the textbook radii of curvature, worked out
/// here without ProjNet so the projection is checked against something it did not compute.
/// </summary>
internal static class Wgs84
{
    private const double SemiMajorAxis = 6_378_137.0;
    private const double Flattening = 1 / 298.257223563;
    private const double EccentricitySquared = Flattening * (2 - Flattening);

    /// <summary>Metres in one degree of latitude (the meridional radius of curvature) at <paramref name="latitude"/>.</summary>
    public static double MetresPerDegreeOfLatitude(double latitude)
    {
        var sin = Math.Sin(double.DegreesToRadians(latitude));
        var meridional = SemiMajorAxis * (1 - EccentricitySquared) / Math.Pow(1 - (EccentricitySquared * sin * sin), 1.5);
        return double.DegreesToRadians(meridional);
    }

    /// <summary>Metres in one degree of longitude (along the parallel) at <paramref name="latitude"/>.</summary>
    public static double MetresPerDegreeOfLongitude(double latitude)
    {
        var phi = double.DegreesToRadians(latitude);
        var sin = Math.Sin(phi);
        var primeVertical = SemiMajorAxis / Math.Sqrt(1 - (EccentricitySquared * sin * sin));
        return double.DegreesToRadians(primeVertical * Math.Cos(phi));
    }
}
