namespace Twin.Contracts.Walls;

/// <summary>
/// What a command-centre video wall (大屏) shows, as the presenter set it: the zone in focus, the
/// map's layers and colouring, a planner scenario, the tour, the alarms acknowledged and, while
/// the presenter's "follow me" is on, their camera. Every screen showing the wall follows it.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("twin.wall-state")]
public sealed record WallState
{
    [Id(0)]
    public string WallId { get; init; } = "";

    /// <summary>Raised by one on every change, so screens keep the newest state.</summary>
    [Id(1)]
    public long Version { get; init; }

    [Id(2)]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The zone the wall is on, or <c>null</c> for the whole park.</summary>
    [Id(3)]
    public string? FocusZoneId { get; init; }

    /// <summary>Map layers switched off (<see cref="WallRules.Layers"/>).</summary>
    [Id(4)]
    public IReadOnlyList<string> HiddenLayers { get; init; } = [];

    [Id(5)]
    public WallColoring Coloring { get; init; }

    /// <summary>A planner scenario shown on the map, or <c>null</c>.</summary>
    [Id(6)]
    public string? ScenarioId { get; init; }

    /// <summary>When false the wall tours the zones whenever the presenter is idle.</summary>
    [Id(7)]
    public bool TourPaused { get; init; }

    /// <summary>Alarms the presenter acknowledged (at most <see cref="WallRules.MaxAcknowledged"/>, the newest kept).</summary>
    [Id(8)]
    public IReadOnlyList<AlarmKey> Acknowledged { get; init; } = [];

    /// <summary>Whether the wall mirrors the presenter's camera ("follow me").</summary>
    [Id(9)]
    public bool Following { get; init; }

    /// <summary>The presenter's camera, the latest sent while following.</summary>
    [Id(10)]
    public WallCamera? Camera { get; init; }

    /// <summary>The presenter's last action: the tour waits <see cref="WallRules.IdleBeforeTour"/> after it.</summary>
    [Id(11)]
    public DateTimeOffset? LastActionAt { get; init; }

    /// <summary>The state of a wall nobody has set yet.</summary>
    public static WallState Default(string wallId) => new() { WallId = wallId };
}

/// <summary>How the map colours standard factory buildings (and, for compliance, zones by their plants' effluent).</summary>
public enum WallColoring
{
    /// <summary>Construction stage (建设进度).</summary>
    Stage,

    /// <summary>Occupancy (入驻情况).</summary>
    Occupancy,

    /// <summary>Effluent compliance (达标排放) of the plants serving each zone.</summary>
    Compliance,
}

/// <summary>One alarm: a plant's effluent reading over a permit limit, named by the plant and the reading's time.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.alarm-key")]
public sealed record AlarmKey(
    [property: Id(0)] string PlantId,
    [property: Id(1)] DateTimeOffset At);

/// <summary>A map camera: centre (WGS 84), zoom, bearing and pitch in degrees.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.wall-camera")]
public sealed record WallCamera(
    [property: Id(0)] double Lon,
    [property: Id(1)] double Lat,
    [property: Id(2)] double Zoom,
    [property: Id(3)] double Bearing,
    [property: Id(4)] double Pitch);
