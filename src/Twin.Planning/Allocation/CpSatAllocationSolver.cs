using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace Twin.Planning.Allocation;

/// <summary>
/// The allocation optimiser: Google OR-Tools CP-SAT on the model of <see cref="AllocationCpModel"/>, started from
/// the <see cref="GreedyAllocator"/>'s plan improved by <see cref="LocalSearch"/> and, when the separation applies,
/// by the <see cref="HazardSubproblem"/> (a complete solution hint), with every unplaced candidate explained by
/// <see cref="UnplacedExplainer"/>. The bound reported is the smallest of the clique-cover bound, the hazardous
/// LP and subproblem bounds and CP-SAT's (<see cref="BoundSource"/>).
/// </summary>
/// <remarks>
/// <para>Parameters: <see cref="SolveOptions.TimeLimit"/> → <c>max_time_in_seconds</c>,
/// <see cref="SolveOptions.RelativeGap"/> → <c>relative_gap_limit</c>, <see cref="SolveOptions.Workers"/> →
/// <c>num_workers</c>, <see cref="SolveOptions.Seed"/> → <c>random_seed</c>; <c>absolute_gap_limit</c> is set so the
/// search ends once the value is proven optimal (see <see cref="AllocationCpModel"/>): <see cref="SolveStatus.Optimal"/>
/// means the total value is optimal, the secondary aims as good as found.</para>
/// <para>Determinism: CP-SAT's default parallel portfolio is not deterministic (its workers race and share
/// solutions and bounds as they come). This solver sets <c>interleave_search</c>, which runs the portfolio in
/// batches of deterministic work and synchronises between batches, so the same problem and seed give the same
/// search and the same plan — for any number of workers. A search stopped by the wall-clock limit or by
/// cancellation ends wherever it was at that moment, so only a search that ends on its own (optimal, or the gap
/// reached) is reproducible to the plan.</para>
/// <para>The blocking CP-SAT call runs on a thread-pool thread. Implementations are stateless: one instance can
/// serve concurrent solves.</para>
/// </remarks>
public sealed class CpSatAllocationSolver : IAllocationSolver
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinimumSearch = TimeSpan.FromMilliseconds(100);

    public Task<AllocationResult> SolveAsync(
        AllocationProblem problem,
        SolveOptions options,
        IProgress<SolveProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        AllocationProblemValidator.Validate(problem);
        AllocationProblemValidator.Validate(options);
        return Task.Run(() => Solve(problem, options, _extraParameters, progress, cancellationToken), CancellationToken.None);
    }

    private readonly string? _extraParameters;

    public CpSatAllocationSolver()
    {
    }

    /// <summary>For measurements: CP-SAT parameters (text format, <c>name:value</c> pairs) replacing or adding to the usual ones.</summary>
    internal CpSatAllocationSolver(string? extraParameters) => _extraParameters = extraParameters;

    /// <summary>The CP-SAT parameters used for these options (text format), with the absolute gap of a given model.</summary>
    internal static string Parameters(SolveOptions options, string? extra, long absoluteGap)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ci = CultureInfo.InvariantCulture;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["max_time_in_seconds"] = options.TimeLimit.TotalSeconds.ToString("R", ci),
            ["num_workers"] = options.Workers.ToString(ci),
            ["random_seed"] = options.Seed.ToString(ci),
            ["relative_gap_limit"] = options.RelativeGap.ToString("R", ci),
            ["interleave_search"] = "true",
            ["absolute_gap_limit"] = absoluteGap.ToString(ci),
            ["log_search_progress"] = "false",
        };
        foreach (var pair in (extra ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            parameters[pair[..colon]] = pair[(colon + 1)..];
        }

        return string.Join(' ', parameters.Select(kv => kv.Key + ":" + kv.Value));
    }

    private static AllocationResult Solve(AllocationProblem problem, SolveOptions options, string? extraParameters, IProgress<SolveProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var index = new AllocationIndex(problem);
        var greedy = GreedyAllocator.Allocate(index);
        var model = new AllocationCpModel(index);
        var greedyObjective = model.ObjectiveOf(greedy);
        var quick = ValueBound.Compute(index);
        if (cancellationToken.IsCancellationRequested)
        {
            return Result(index, greedy, greedyObjective / model.ValueUnit, (quick, BoundSource.CliqueCover), clock.Elapsed, SolveStatus.Cancelled);
        }

        // The seed: the greedy plan improved by ejection moves (never worse: every kept move raises the value).
        var seed = LocalSearch.Improve(index, greedy, LocalSearch.DefaultSteps, cancellationToken);
        var seedObjective = model.ObjectiveOf(seed);
        var ceiling = Smaller((quick, BoundSource.CliqueCover), (DecompositionBound(index, model, HazardSubproblem.HazardLp(index)), BoundSource.HazardousLp));
        progress?.Report(Progress(clock.Elapsed, seedObjective / model.ValueUnit, ceiling.Value));

        // The hazardous candidates on their own, for a share of the time: a better bound, and a seed from its plan.
        var left = options.TimeLimit - clock.Elapsed;
        var hazardTime = left * HazardShare;
        var gapReached = options.RelativeGap > 0 && Gap(seedObjective / model.ValueUnit, ceiling.Value) <= options.RelativeGap;
        if (index.SeparationApplies && hazardTime > MinimumSearch && !gapReached && !cancellationToken.IsCancellationRequested)
        {
            var sub = HazardSubproblem.Solve(index, hazardTime, left * HazardWallShare, options.Seed, options.Workers, seed.Choice, cancellationToken);
            if (sub is not null)
            {
                ceiling = Smaller(ceiling, (DecompositionBound(index, model, sub.Bound), BoundSource.HazardousSubproblem));
                var completed = HazardSubproblem.Complete(index, sub);
                if (model.ObjectiveOf(completed) > seedObjective)
                {
                    seed = completed;
                    seedObjective = model.ObjectiveOf(completed);
                }

                progress?.Report(Progress(clock.Elapsed, seedObjective / model.ValueUnit, ceiling.Value));
            }
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Result(index, seed, seedObjective / model.ValueUnit, ceiling, clock.Elapsed, SolveStatus.Cancelled);
        }

        model.AddHint(seed);
        // The time limit covers the whole solve: preparation (eligibility, seed, bounds, model) comes out of it.
        var searchTime = options.TimeLimit - clock.Elapsed;
        var searchOptions = options with { TimeLimit = searchTime > MinimumSearch ? searchTime : MinimumSearch };
        using var solver = new CpSolver { StringParameters = Parameters(searchOptions, extraParameters, model.SecondaryRange) };
        var tracker = new SearchTracker(model.ValueUnit, seedObjective, ceiling.Value * model.ValueUnit, options.RelativeGap, clock, progress, cancellationToken);
        solver.SetBestBoundCallback(tracker.OnBound);
        // The ticks stop the search on cancellation (and repeat it: CpSolver.StopSearch only reaches a search
        // already running), from their own thread; see SearchTracker.Tick.
        using var ticks = new Timer(_ => tracker.Tick(solver), null, ProgressEvery / 4, ProgressEvery / 4);
        var status = tracker.GapReached ? CpSolverStatus.Unknown : solver.Solve(model.Model, tracker);
        ticks.Dispose();
        solver.ClearBestBoundCallback();

        var found = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
        if (status == CpSolverStatus.ModelInvalid)
        {
            throw new InvalidOperationException("CP-SAT rejected the allocation model: " + solver.SolutionInfo());
        }

        // CP-SAT's first solution is the hinted seed, so its plan is never worse; the check keeps that promise anyway.
        var better = found && solver.ObjectiveValue >= seedObjective;
        var plan = better ? model.ReadPlan(solver.BooleanValue) : seed;
        var objective = better ? solver.ObjectiveValue : seedObjective;
        var bound = found ? Smaller(ceiling, (solver.BestObjectiveBound / model.ValueUnit, BoundSource.CpSat)) : ceiling;
        // CP-SAT says OPTIMAL when a gap limit stops it too: optimal here means the value is proven (gap within R).
        var proven = status == CpSolverStatus.Optimal && solver.BestObjectiveBound - solver.ObjectiveValue <= model.SecondaryRange;
        var state = proven ? SolveStatus.Optimal
            : cancellationToken.IsCancellationRequested ? SolveStatus.Cancelled
            : better && objective > seedObjective ? SolveStatus.Feasible
            : SolveStatus.Greedy;
        var result = Result(index, plan, objective / model.ValueUnit, bound, clock.Elapsed, state);
        progress?.Report(new SolveProgress(result.Elapsed, result.Objective, result.BestBound, result.Gap));
        return result;
    }

    /// <summary>Share of the time left after the seed given to the hazardous candidates' subproblem (when the separation applies).</summary>
    internal const double HazardShare = 0.7;

    /// <summary>The most of the time left the subproblem may take on the clock (when the machine is busy).</summary>
    internal const double HazardWallShare = 0.85;

    private static SolveProgress Progress(TimeSpan elapsed, double objective, double bound)
    {
        bound = Math.Max(bound, objective);
        return new SolveProgress(elapsed, objective, bound, Gap(objective, bound));
    }

    /// <summary>
    /// A bound on the model's objective (value units) from a bound on the hazardous candidates' value: every other
    /// candidate with a fitting site at its full value, plus the secondary aims' whole range (below 0.01).
    /// Values are multiples of 0.01, so the bound on the value is rounded down to one.
    /// </summary>
    private static double DecompositionBound(AllocationIndex index, AllocationCpModel model, double? hazardBound)
    {
        if (hazardBound is not { } hazard)
        {
            return double.PositiveInfinity;
        }

        var cents = HazardSubproblem.OrdinaryCents(index) + (long)Math.Floor((hazard * (double)AllocationCpModel.ValueScale) + 1e-6);
        return (cents / (double)AllocationCpModel.ValueScale) + (model.SecondaryRange / model.ValueUnit);
    }

    private static (double Value, BoundSource Source) Smaller((double Value, BoundSource Source) a, (double Value, BoundSource Source) b) =>
        b.Value < a.Value ? b : a;

    private static AllocationResult Result(AllocationIndex index, PlanState plan, double objective, (double Value, BoundSource Source) best, TimeSpan elapsed, SolveStatus status)
    {
        var bound = Math.Max(best.Value, objective);
        var assignments = plan.ToAssignments();
        return new AllocationResult(
            assignments,
            UnplacedExplainer.Explain(index, plan),
            objective,
            bound,
            Gap(objective, bound),
            plan.TotalValue(),
            elapsed,
            status,
            best.Source);
    }

    internal static double Gap(double objective, double bound) => Math.Max(0, (bound - objective) / Math.Max(1, Math.Abs(bound)));
}
