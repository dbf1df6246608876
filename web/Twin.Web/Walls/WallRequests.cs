using Twin.Contracts.Walls;

namespace Twin.Web.Walls;

/// <summary>Body of <c>POST /api/walls/{id}/focus</c>: a zone id, or <c>null</c> for the whole park.</summary>
public sealed record FocusRequest
{
    public string? ZoneId { get; init; }
}

/// <summary>Body of <c>POST /api/walls/{id}/layers</c>: the layers switched off.</summary>
public sealed record LayersRequest
{
    public required IReadOnlyList<string> Hidden { get; init; }
}

/// <summary>Body of <c>POST /api/walls/{id}/coloring</c>.</summary>
public sealed record ColoringRequest
{
    public required WallColoring Coloring { get; init; }
}

/// <summary>Body of <c>POST /api/walls/{id}/scenario</c>: a planner scenario id, or <c>null</c>.</summary>
public sealed record ScenarioRequest
{
    public string? ScenarioId { get; init; }
}

/// <summary>Body of <c>POST /api/walls/{id}/tour</c>.</summary>
public sealed record TourRequest
{
    public required bool Paused { get; init; }
}

/// <summary>Body of <c>POST /api/walls/{id}/acknowledge</c>: the alarms, each a plant and its reading's time.</summary>
public sealed record AcknowledgeRequest
{
    public required IReadOnlyList<AlarmRequest> Alarms { get; init; }
}

public sealed record AlarmRequest
{
    public required string PlantId { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>Body of <c>POST /api/walls/{id}/camera</c>: the presenter's camera to mirror, or <c>null</c> to stop following.</summary>
public sealed record CameraRequest
{
    public WallCamera? Camera { get; init; }
}
