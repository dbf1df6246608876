namespace Twin.Web.Api;

/// <summary>Body of <c>POST /api/buildings/{id}/progress</c>.</summary>
public sealed record ProgressRequest
{
    public required int FloorsBuilt { get; init; }

    public required ConstructionStage Stage { get; init; }

    public long? ExpectedVersion { get; init; }
}

/// <summary>Body of <c>POST /api/enterprises/{id}/status</c>.</summary>
public sealed record EnterpriseStatusRequest
{
    public required EnterpriseStatus Status { get; init; }

    public long? ExpectedVersion { get; init; }
}

/// <summary>Body of <c>POST /api/enterprises/{id}/figures</c> (万元).</summary>
public sealed record FiguresRequest
{
    /// <summary><c>YYYY-MM</c>.</summary>
    public required string Month { get; init; }

    public required decimal Revenue { get; init; }

    public required decimal Tax { get; init; }

    public decimal Exports { get; init; }

    public long? ExpectedVersion { get; init; }
}

/// <summary>Body of <c>POST /api/plants/{id}/readings</c>: inflow t/day, concentrations mg/L.</summary>
public sealed record PlantReadingRequest
{
    public required DateTimeOffset At { get; init; }

    public required decimal Inflow { get; init; }

    public required double Cod { get; init; }

    public required double Ammonia { get; init; }

    public required double TotalPhosphorus { get; init; }

    public required double Ph { get; init; }

    public long? ExpectedVersion { get; init; }
}

/// <summary>Body of <c>POST /api/plants/{id}/status</c>.</summary>
public sealed record PlantStatusRequest
{
    public required PlantStatus Status { get; init; }

    public bool? Accepted { get; init; }

    public long? ExpectedVersion { get; init; }
}

/// <summary>Body of <c>POST /api/network/{id}/status</c>.</summary>
public sealed record NetworkStatusRequest
{
    public required NetworkStatus Status { get; init; }

    public long? ExpectedVersion { get; init; }
}

/// <summary>Body of <c>POST /api/stations/{id}/readings</c>.</summary>
public sealed record StationReadingRequest
{
    public required DateTimeOffset At { get; init; }

    public required Dictionary<string, double> Values { get; init; }

    public long? ExpectedVersion { get; init; }
}
