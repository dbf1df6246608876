using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Twin.Planning.Allocation;
using Twin.Planning.Scenarios;

namespace Twin.Grains.Planning;

public sealed partial class ScenarioGrain
{
    private ActiveRun? _run;

    public async Task<ScenarioResult> StartRun(SolveOptions options, long? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Refusal(expectedVersion, editing: true) is { } refused)
        {
            return refused;
        }

        if (services.GetService<IAllocationSolver>() is not { } solver)
        {
            return ScenarioResult.Conflict("solver", "no optimiser is installed in this silo", Current);
        }

        var scenario = Current!;
        if (scenario.Candidates.Count == 0)
        {
            return ScenarioResult.Conflict("candidates", "the scenario has no candidates to place", scenario);
        }

        var problem = ProblemBuilder.Build(scenario);
        var runId = $"run-{Guid.NewGuid():N}"[..16];
        var record = new RunRecord
        {
            RunId = runId,
            Status = RunStatus.Running,
            StartedAt = DateTimeOffset.UtcNow,
            Candidates = problem.Candidates.Count,
            Sites = problem.Sites.Count,
            TimeLimit = options.TimeLimit,
        };
        var written = await Write(scenario with { LastRun = record });
        var run = new ActiveRun(record);
        _run = run;
        // Keep this activation (and so the run's progress) while the search runs.
        DelayDeactivation(options.TimeLimit + TimeSpan.FromMinutes(2));
        _ = Finish(run, Task.Run(() => solver.SolveAsync(problem, options, run, run.Cancel.Token)));
        return ScenarioResult.Accepted(written) with { RunId = runId };
    }

    public Task<RunRecord?> GetRun(string runId)
    {
        if (_run is { } run && run.Started.RunId == runId)
        {
            return Task.FromResult<RunRecord?>(run.Progress);
        }

        return Task.FromResult(Current?.LastRun is { } last && last.RunId == runId ? last : null);
    }

    public Task<bool> CancelRun(string runId)
    {
        if (_run is { } run && run.Started.RunId == runId)
        {
            run.Cancel.Cancel();
            return Task.FromResult(true);
        }

        return Task.FromResult(false);
    }

    private async Task Finish(ActiveRun run, Task<AllocationResult> solving)
    {
        RunRecord record;
        IReadOnlyList<Assignment> assignments = [];
        try
        {
            var result = await solving;
            assignments = result.Assignments;
            record = run.Started with
            {
                Status = result.Status switch
                {
                    SolveStatus.Optimal => RunStatus.Optimal,
                    SolveStatus.Feasible => RunStatus.Feasible,
                    SolveStatus.Greedy => RunStatus.Greedy,
                    _ => RunStatus.Cancelled,
                },
                FinishedAt = DateTimeOffset.UtcNow,
                Elapsed = result.Elapsed,
                Objective = Finite(result.Objective),
                BestBound = Finite(result.BestBound),
                Gap = Finite(result.Gap),
                TotalValue = result.TotalValue,
                Unplaced = result.Unplaced,
                Placed = result.Assignments.Count,
            };
        }
#pragma warning disable CA1031 // A failed run is recorded as failed, whatever failed.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRunFailed(logger, e, run.Started.RunId, this.GetPrimaryKeyString());
            record = run.Progress with { Status = RunStatus.Failed, FinishedAt = DateTimeOffset.UtcNow, Error = e.Message };
        }

        try
        {
            var (next, _) = ScenarioEdits.Apply(Current!, new TakeRun(record, assignments));
            await Write(next!);
        }
        finally
        {
            _run = null;
            run.Cancel.Dispose();
        }
    }

    /// <summary>No figure yet (NaN, infinity) is kept as 0: JSON has no NaN, and the record goes to storage and the API.</summary>
    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    /// <summary>A run going on the thread pool; the solver reports progress here from its own threads.</summary>
    private sealed class ActiveRun(RunRecord started) : IProgress<SolveProgress>
    {
        private RunRecord _progress = started;

        public RunRecord Started { get; } = started;

        public CancellationTokenSource Cancel { get; } = new();

        public RunRecord Progress => Volatile.Read(ref _progress);

        public void Report(SolveProgress value) => Volatile.Write(ref _progress, Started with
        {
            Elapsed = value.Elapsed,
            Objective = Finite(value.Objective),
            BestBound = Finite(value.BestBound),
            Gap = Finite(value.Gap),
        });
    }
}
