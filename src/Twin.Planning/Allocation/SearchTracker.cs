using System.Diagnostics;
using Google.OrTools.Sat;

namespace Twin.Planning.Allocation;

/// <summary>
/// Follows a CP-SAT search: reports <see cref="SolveProgress"/> on each improving plan, on bound improvements (at
/// most every 100 ms) and at least every second; stops the search once cancellation is requested or the gap to
/// the quick bound reaches the relative gap asked for.
/// Objective and bound are reported in value units (see <see cref="AllocationCpModel.ValueUnit"/>).
/// </summary>
internal sealed class SearchTracker : CpSolverSolutionCallback
{
    private static readonly TimeSpan BoundEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan AtLeastEvery = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly double _valueUnit;
    private readonly Stopwatch _clock;
    private readonly IProgress<SolveProgress>? _progress;
    private readonly CancellationToken _cancellation;
    private readonly double _relativeGap;
    private double _objective;
    private volatile bool _stopWanted;
    private double _bound;
    private TimeSpan _lastReport;

    public SearchTracker(double valueUnit, long startObjective, double startBound, double relativeGap, Stopwatch clock, IProgress<SolveProgress>? progress, CancellationToken cancellation)
    {
        _valueUnit = valueUnit;
        _objective = startObjective;
        _bound = startBound;
        _relativeGap = relativeGap;
        _clock = clock;
        _progress = progress;
        _cancellation = cancellation;
    }

    /// <summary>The gap asked for is already reached by the start plan against the start bound (no search needed).</summary>
    public bool GapReached => _relativeGap > 0 && CpSatAllocationSolver.Gap(_objective / _valueUnit, _bound / _valueUnit) <= _relativeGap;

    public override void OnSolutionCallback()
    {
        var objective = ObjectiveValue();
        var bound = BestObjectiveBound();
        lock (_gate)
        {
            _bound = Math.Min(_bound, bound);
            if (objective > _objective || _lastReport == TimeSpan.Zero)
            {
                _objective = Math.Max(_objective, objective);
                Report();
            }

            // CP-SAT's relative_gap_limit knows only its own bound; the quick bound may be the better one.
            if (_relativeGap > 0 && CpSatAllocationSolver.Gap(_objective / _valueUnit, _bound / _valueUnit) <= _relativeGap)
            {
                _stopWanted = true;
            }
        }
    }

    public void OnBound(double bound)
    {
        lock (_gate)
        {
            if (bound >= _bound)
            {
                return;
            }

            _bound = bound;
            if (_clock.Elapsed - _lastReport >= BoundEvery)
            {
                Report();
            }
        }
    }

    /// <summary>
    /// Stops the search when cancelled or when the gap asked for is reached — always from the timer's thread, never
    /// inside a solution callback: CP-SAT 9.15 was seen to abort the process (a failed check in its postsolve) when
    /// stopped from the callback of the hinted first solution.
    /// </summary>
    public void Tick(CpSolver solver)
    {
        if (_cancellation.IsCancellationRequested || _stopWanted)
        {
            solver.StopSearch();
        }

        lock (_gate)
        {
            if (_clock.Elapsed - _lastReport >= AtLeastEvery)
            {
                Report();
            }
        }
    }

    private void Report()
    {
        _lastReport = _clock.Elapsed;
        if (_progress is null)
        {
            return;
        }

        var objective = _objective / _valueUnit;
        var bound = Math.Max(_bound / _valueUnit, objective);
        _progress.Report(new SolveProgress(_lastReport, objective, bound, CpSatAllocationSolver.Gap(objective, bound)));
    }
}
