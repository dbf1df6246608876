using Twin.Contracts.Walls;

namespace Twin.Contracts.Grains;

/// <summary>
/// One command-centre wall, keyed by its id (<c>main</c>, <c>lobby</c>, …). A wall nobody set
/// starts from <see cref="WallState.Default"/>. Each accepted command raises the version, is
/// written to storage (the camera at most once a second) and is published on <see cref="WallStreams.All"/>.
/// </summary>
[Alias("twin.IWallGrain")]
public interface IWallGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    [Alias("GetState")]
    Task<WallState> GetState();

    /// <summary>Flies the wall to a zone, or back to the whole park with <c>null</c>; stops following.</summary>
    [Alias("Focus")]
    Task<WallResult> Focus(string? zoneId);

    [Alias("SetHiddenLayers")]
    Task<WallResult> SetHiddenLayers(IReadOnlyList<string> hidden);

    [Alias("SetColoring")]
    Task<WallResult> SetColoring(WallColoring coloring);

    /// <summary>Shows a planner scenario, or none with <c>null</c>.</summary>
    [Alias("ShowScenario")]
    Task<WallResult> ShowScenario(string? scenarioId);

    [Alias("SetTourPaused")]
    Task<WallResult> SetTourPaused(bool paused);

    /// <summary>Acknowledges alarms; acknowledging one twice changes nothing.</summary>
    [Alias("Acknowledge")]
    Task<WallResult> Acknowledge(IReadOnlyList<AlarmKey> alarms);

    /// <summary>"Follow me": the wall mirrors <paramref name="camera"/>; <c>null</c> stops following.</summary>
    [Alias("Follow")]
    Task<WallResult> Follow(WallCamera? camera);
}
