using System.Globalization;

namespace Twin.Browser.Tests.Infrastructure;

/// <summary>Reading twins from the API's GeoJSON in the tests.</summary>
public static class Twins
{
    public static string Id(JsonNode feature) => feature["id"]!.GetValue<string>();

    public static string Prop(JsonNode feature, string name) => feature["properties"]![name]!.GetValue<string>();

    /// <summary>The mean of a polygon's outer ring (closing vertex left out): inside any convex footprint.</summary>
    public static (double Lon, double Lat) Centre(JsonNode feature)
    {
        var ring = feature["geometry"]!["coordinates"]![0]!.AsArray();
        var points = ring.Take(ring.Count - 1).Select(p => (Lon: p![0]!.GetValue<double>(), Lat: p[1]!.GetValue<double>())).ToList();
        return (points.Average(p => p.Lon), points.Average(p => p.Lat));
    }

    /// <summary>The URL hash of a top-down view centred on a twin at <paramref name="zoom"/>.</summary>
    public static string TopDownOn(JsonNode feature, double zoom) =>
        string.Create(CultureInfo.InvariantCulture, $"#/?c={Centre(feature).Lon:0.######},{Centre(feature).Lat:0.######},{zoom},0,0");
}
