using Twin.Planning.Tests.Support;

namespace Twin.Planning.Tests;

public class SolveTests
{
    [Fact]
    public async Task The_same_problem_seed_and_workers_give_the_same_plan()
    {
        var problem = SyntheticAllocationProblem.Create(60, 120, seed: 7);
        var solver = new CpSatAllocationSolver();
        var options = new SolveOptions(TimeSpan.FromSeconds(120), Seed: 5, Workers: 2);

        var first = await solver.SolveAsync(problem, options);
        var second = await solver.SolveAsync(problem, options);

        Assert.Equal(SolveStatus.Optimal, first.Status);
        Assert.Equal(first.Assignments, second.Assignments);
        Assert.Equal(first.Objective, second.Objective);
        Assert.Empty(Feasibility.Violations(problem, first.Assignments));
    }

    [Fact]
    public async Task A_relative_gap_stops_the_search_once_reached_without_claiming_optimality()
    {
        var problem = SyntheticAllocationProblem.Create(200, 400, seed: 1);

        var result = await new CpSatAllocationSolver().SolveAsync(problem, new SolveOptions(TimeSpan.FromMinutes(10), RelativeGap: 0.05));

        Assert.True(result.Gap <= 0.05, $"gap {result.Gap}");
        Assert.True(result.Gap > 0, "this instance is not solved to optimality at once; a zero gap means the test no longer checks the stop");
        Assert.Contains(result.Status, new[] { SolveStatus.Greedy, SolveStatus.Feasible });
        Assert.Empty(Feasibility.Violations(problem, result.Assignments));
    }

    [Fact]
    public async Task Assignments_and_unplaced_come_sorted_by_candidate_id()
    {
        var problem = SyntheticAllocationProblem.Create(40, 60, seed: 2);

        var result = await new CpSatAllocationSolver().SolveAsync(problem, Park.Options());

        Assert.Equal(result.Assignments.OrderBy(a => a.CandidateId, StringComparer.Ordinal), result.Assignments);
        Assert.Equal(result.Unplaced.OrderBy(u => u.CandidateId, StringComparer.Ordinal), result.Unplaced);
        Assert.Equal(problem.Candidates.Count, result.Assignments.Count + result.Unplaced.Count);
    }

    [Fact]
    public async Task Progress_is_reported_and_ends_with_the_result()
    {
        var problem = SyntheticAllocationProblem.Create(40, 60, seed: 2);
        var reports = new List<SolveProgress>();

        var result = await new CpSatAllocationSolver().SolveAsync(problem, Park.Options(), new Collect(reports));

        Assert.NotEmpty(reports);
        Assert.Equal((result.Objective, result.BestBound), (reports[^1].Objective, reports[^1].BestBound));
        Assert.All(reports, r => Assert.True(r.BestBound >= r.Objective && r.Gap >= 0));
        Assert.Equal(0, result.Gap, 6);
    }

    [Fact]
    public async Task Cancellation_stops_the_search_and_returns_a_feasible_plan()
    {
        var problem = SyntheticAllocationProblem.Create(500, 1_000, seed: 1);
        using var cancel = new CancellationTokenSource();
        var progress = new Collect([], () => cancel.Cancel());

        var result = await new CpSatAllocationSolver().SolveAsync(problem, new SolveOptions(TimeSpan.FromMinutes(10)), progress, cancel.Token);

        Assert.Equal(SolveStatus.Cancelled, result.Status);
        Assert.NotEmpty(result.Assignments);
        Assert.Empty(Feasibility.Violations(problem, result.Assignments));
    }

    [Fact]
    public async Task A_solve_cancelled_before_it_starts_returns_the_greedy_plan()
    {
        var problem = SyntheticAllocationProblem.Create(40, 60, seed: 2);

        var result = await new CpSatAllocationSolver().SolveAsync(problem, Park.Options(), cancellationToken: new CancellationToken(canceled: true));

        Assert.Equal(SolveStatus.Cancelled, result.Status);
        Assert.Equal(GreedyAllocator.Allocate(problem), result.Assignments);
    }

    [Fact]
    public void Greedy_plan_of_the_benchmark_park_is_feasible()
    {
        var problem = SyntheticAllocationProblem.Create(500, 1_000, seed: 1);

        var plan = GreedyAllocator.Allocate(problem);

        Assert.True(plan.Count > 250);
        Assert.Empty(Feasibility.Violations(problem, plan));
    }

    [Fact]
    public async Task A_problem_with_nothing_to_place_is_solved_empty()
    {
        var problem = Park.Problem([], [Park.Site("B1", "Z1", 3_000)]);

        var result = await new CpSatAllocationSolver().SolveAsync(problem, Park.Options());

        Assert.Empty(result.Assignments);
        Assert.Equal(SolveStatus.Optimal, result.Status);
    }

    private sealed class Collect(List<SolveProgress> into, Action? onFirst = null) : IProgress<SolveProgress>
    {
        public void Report(SolveProgress value)
        {
            lock (into)
            {
                into.Add(value);
                if (into.Count == 1)
                {
                    onFirst?.Invoke();
                }
            }
        }
    }
}
