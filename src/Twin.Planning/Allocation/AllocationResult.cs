namespace Twin.Planning.Allocation;

/// <summary>One candidate placed into one building (several candidates may share a building that allows a split).</summary>
[GenerateSerializer, Immutable]
[Alias("planning.assignment")]
public sealed record Assignment(
    [property: Id(0)] string CandidateId,
    [property: Id(1)] string BuildingId);

public enum UnplacedReasonCode
{
    /// <summary>No zone's rules accept the candidate's industry.</summary>
    NoZoneAcceptsIndustry,
    /// <summary>No vacant, ready-in-time building in an accepting zone has a floor area within the candidate's range.</summary>
    NoVacantBuildingInAreaRange,
    /// <summary>The plants serving every fitting zone lack headroom for the candidate's discharge.</summary>
    NoPlantHeadroom,
    /// <summary>Every fitting site is too close to a hazardous neighbour.</summary>
    NoSiteKeepsSafetyDistance,
    /// <summary>Fitting sites exist but went to candidates worth more (named in <see cref="UnplacedReason.By"/>).</summary>
    Outvalued,
}

[GenerateSerializer, Immutable]
[Alias("planning.unplaced-reason")]
public sealed record UnplacedReason(
    [property: Id(0)] UnplacedReasonCode Code,
    [property: Id(1)] string Message,
    [property: Id(2)] IReadOnlyList<string> By);

[GenerateSerializer, Immutable]
[Alias("planning.unplaced")]
public sealed record Unplaced(
    [property: Id(0)] string CandidateId,
    [property: Id(1)] IReadOnlyList<UnplacedReason> Reasons);

public enum SolveStatus
{
    /// <summary>Proved optimal.</summary>
    Optimal,
    /// <summary>A feasible plan, stopped by the time limit, the gap, or cancellation.</summary>
    Feasible,
    /// <summary>Nothing better than the greedy seed was found in time (the greedy plan is returned).</summary>
    Greedy,
    Cancelled,
}

/// <summary>Which of the valid upper bounds was the smallest (the one <see cref="AllocationResult.BestBound"/> reports).</summary>
public enum BoundSource
{
    /// <summary>Every candidate with a fitting site, hazardous ones only as many as a clique cover of the close sites allows.</summary>
    CliqueCover,
    /// <summary>Every non-hazardous candidate with a fitting site, plus the LP relaxation (GLOP) of the hazardous candidates' part.</summary>
    HazardousLp,
    /// <summary>Every non-hazardous candidate with a fitting site, plus CP-SAT's bound on the hazardous candidates' subproblem.</summary>
    HazardousSubproblem,
    /// <summary>CP-SAT's bound on the whole model.</summary>
    CpSat,
}

/// <param name="Objective">Objective of the returned plan, in the solver's scaled units (value plus weighted secondary aims).</param>
/// <param name="BestBound">Best proven upper bound on the objective.</param>
/// <param name="Gap">(BestBound - Objective) / max(1, |BestBound|).</param>
/// <param name="TotalValue">Sum of the placed candidates' values.</param>
/// <param name="Bound">Which bound <paramref name="BestBound"/> is.</param>
[GenerateSerializer, Immutable]
[Alias("planning.result")]
public sealed record AllocationResult(
    [property: Id(0)] IReadOnlyList<Assignment> Assignments,
    [property: Id(1)] IReadOnlyList<Unplaced> Unplaced,
    [property: Id(2)] double Objective,
    [property: Id(3)] double BestBound,
    [property: Id(4)] double Gap,
    [property: Id(5)] decimal TotalValue,
    [property: Id(6)] TimeSpan Elapsed,
    [property: Id(7)] SolveStatus Status,
    [property: Id(8)] BoundSource Bound = BoundSource.CliqueCover);

/// <summary>Reported while the search runs (each improving plan, and at least every second).</summary>
[GenerateSerializer, Immutable]
[Alias("planning.progress")]
public sealed record SolveProgress(
    [property: Id(0)] TimeSpan Elapsed,
    [property: Id(1)] double Objective,
    [property: Id(2)] double BestBound,
    [property: Id(3)] double Gap);

/// <summary>Assigns candidates to sites. Implementations are stateless and thread-safe.</summary>
public interface IAllocationSolver
{
    /// <summary>Solves; cancellation stops the search and returns the best plan found so far (Status = Cancelled).</summary>
    Task<AllocationResult> SolveAsync(
        AllocationProblem problem,
        SolveOptions options,
        IProgress<SolveProgress>? progress = null,
        CancellationToken cancellationToken = default);
}
