using Twin.Planning.Allocation;

namespace Twin.Planning.Scenarios;

public enum RunStatus
{
    Running,
    Optimal,
    Feasible,
    Greedy,
    Cancelled,
    Failed,

    /// <summary>The silo running it stopped before it finished.</summary>
    Interrupted,
}

/// <summary>An optimiser run of a scenario: its progress while it runs, its figures and unplaced candidates once done.</summary>
[GenerateSerializer, Immutable]
[Alias("planning.run-record")]
public sealed record RunRecord
{
    [Id(0)]
    public required string RunId { get; init; }

    [Id(1)]
    public RunStatus Status { get; init; }

    [Id(2)]
    public DateTimeOffset StartedAt { get; init; }

    [Id(3)]
    public DateTimeOffset? FinishedAt { get; init; }

    [Id(4)]
    public TimeSpan Elapsed { get; init; }

    [Id(5)]
    public double Objective { get; init; }

    [Id(6)]
    public double BestBound { get; init; }

    [Id(7)]
    public double Gap { get; init; }

    [Id(8)]
    public decimal TotalValue { get; init; }

    [Id(9)]
    public IReadOnlyList<Unplaced> Unplaced { get; init; } = [];

    [Id(10)]
    public string? Error { get; init; }

    [Id(11)]
    public int Candidates { get; init; }

    [Id(12)]
    public int Sites { get; init; }

    [Id(13)]
    public int Placed { get; init; }

    /// <summary>The time limit asked for.</summary>
    [Id(14)]
    public TimeSpan TimeLimit { get; init; }
}
