using Twin.Contracts.Rules;

namespace Twin.Contracts.Walls;

/// <summary>What a wall command may hold: wall ids, layer names, scenario ids, cameras.</summary>
public static class WallRules
{
    /// <summary>The wall a screen shows when it names none.</summary>
    public const string DefaultWall = "main";

    public const int MaxAcknowledged = 500;

    /// <summary>The map layers a presenter can switch (the map client's layer keys).</summary>
    public static readonly IReadOnlyList<string> Layers = ["zones", "buildings", "enterprises", "plants", "network", "stations", "facilities", "labels"];

    /// <summary>How long the presenter must be idle before the wall tours again.</summary>
    public static readonly TimeSpan IdleBeforeTour = TimeSpan.FromSeconds(60);

    /// <summary>A wall id: 1 to 40 of [a-z0-9-], starting with a letter or digit.</summary>
    public static bool IsWallId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 40 && char.IsAsciiLetterOrDigit(id[0])
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>A planner scenario id: 1 to 100 of [A-Za-z0-9:._-].</summary>
    public static bool IsScenarioId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '.' or '_' or '-');

    public static RuleViolation? CheckLayers(IReadOnlyList<string>? hidden)
    {
        if (hidden is null)
        {
            return new("hidden", "the list of hidden layers is missing");
        }

        return hidden.FirstOrDefault(l => !Layers.Contains(l)) is { } unknown
            ? new("hidden", $"unknown layer '{unknown}': use {string.Join(", ", Layers)}")
            : null;
    }

    public static RuleViolation? CheckCamera(WallCamera? camera)
    {
        if (camera is null)
        {
            return new("camera", "the camera is missing");
        }

        if (!double.IsFinite(camera.Lon) || camera.Lon is < -180 or > 180)
        {
            return new("camera.lon", "longitude must be between -180 and 180");
        }

        if (!double.IsFinite(camera.Lat) || camera.Lat is < -85 or > 85)
        {
            return new("camera.lat", "latitude must be between -85 and 85");
        }

        if (!double.IsFinite(camera.Zoom) || camera.Zoom is < 0 or > 24)
        {
            return new("camera.zoom", "zoom must be between 0 and 24");
        }

        if (!double.IsFinite(camera.Bearing) || camera.Bearing is < -360 or > 360)
        {
            return new("camera.bearing", "bearing must be between -360 and 360 degrees");
        }

        return !double.IsFinite(camera.Pitch) || camera.Pitch is < 0 or > 85
            ? new("camera.pitch", "pitch must be between 0 and 85 degrees")
            : null;
    }
}
