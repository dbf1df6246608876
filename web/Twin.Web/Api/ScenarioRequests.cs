using NetTopologySuite.Geometries;

namespace Twin.Web.Api;

/// <summary>Body of <c>POST /api/scenarios</c> and <c>POST /api/scenarios/{id}/copy</c>.</summary>
public sealed record ScenarioNameRequest
{
    public string? Name { get; init; }

    public long? ExpectedVersion { get; init; }
}

/// <summary>A mutation that carries nothing but the expected version.</summary>
public sealed record VersionRequest
{
    public long? ExpectedVersion { get; init; }
}

/// <summary>A candidate enterprise (m², t/day, 万元).</summary>
public sealed record CandidateRequest
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Industry { get; init; }

    public required decimal MinArea { get; init; }

    public required decimal MaxArea { get; init; }

    public int Floors { get; init; } = 1;

    public decimal Discharge { get; init; }

    public int HazardClass { get; init; }

    public required DateOnly ReadyBy { get; init; }

    public decimal Value { get; init; }

    public long? ExpectedVersion { get; init; }
}

public sealed record AssignRequest
{
    public required string CandidateId { get; init; }

    public required string BuildingId { get; init; }

    public long? ExpectedVersion { get; init; }
}

/// <summary>A building's expected completion in the scenario; null returns to the live date.</summary>
public sealed record CompletionRequest
{
    public required DateOnly? ExpectedCompletion { get; init; }

    public long? ExpectedVersion { get; init; }
}

public sealed record PlannedBuildingRequest
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string ZoneId { get; init; }

    public required decimal FloorArea { get; init; }

    public int Floors { get; init; } = 1;

    public bool AllowsSplit { get; init; }

    public required DateOnly ReadyOn { get; init; }

    /// <summary>GeoJSON Polygon, lon/lat.</summary>
    public required Geometry Footprint { get; init; }

    public long? ExpectedVersion { get; init; }
}

public sealed record ZoneRuleRequest
{
    public required string ZoneId { get; init; }

    public required List<string> Industries { get; init; }
}

public sealed record RulesRequest
{
    public required List<ZoneRuleRequest> ZoneIndustries { get; init; }

    public int HazardThreshold { get; init; } = 2;

    public double SeparationMetres { get; init; } = 100;

    public double ClusterWeight { get; init; } = 0.01;

    public double WasteWeight { get; init; } = 0.001;

    public long? ExpectedVersion { get; init; }
}

public sealed record RunRequest
{
    /// <summary>Wall-clock limit, 1 to 600 s.</summary>
    public double TimeLimitSeconds { get; init; } = 10;

    public int Seed { get; init; } = 1;

    public double RelativeGap { get; init; }

    /// <summary>Search workers, 1 to 8.</summary>
    public int Workers { get; init; } = 2;

    public long? ExpectedVersion { get; init; }
}
