using Twin.Planning.Tests.Support;

namespace Twin.Planning.Tests;

public class BruteForceTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solver_finds_the_brute_force_optimum_value_with_a_feasible_plan(int seed)
    {
        var problem = RandomProblems.Create(seed);

        var result = Park.Solve(problem);

        Assert.Empty(Feasibility.Violations(problem, result.Assignments));
        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(BruteForce.BestValue(problem), result.TotalValue);
        Assert.Equal(result.Assignments.Sum(a => problem.Candidates.Single(c => c.Id == a.CandidateId).Value), result.TotalValue);
    }

    [Fact]
    public void Random_instances_exercise_every_rule()
    {
        // Guards the generator: were it to stop producing splits, hazards or binding plants, the theory above would test less.
        var problems = Enumerable.Range(1, 40).Select(seed => RandomProblems.Create(seed)).ToList();
        Assert.Contains(problems, p => p.Sites.Any(s => s.AllowsSplit));
        Assert.Contains(problems, p => p.ExistingHazards.Count > 0);
        Assert.True(problems.Sum(p => p.Candidates.Count(c => c.HazardClass >= 2)) > 40);
        Assert.Contains(problems, p => p.Plants.Any(plant => p.Candidates.Sum(c => c.Discharge) > plant.Headroom));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Greedy_plan_is_feasible_and_never_beats_the_optimum(int seed)
    {
        var problem = RandomProblems.Create(seed);

        var plan = GreedyAllocator.Allocate(problem);

        Assert.Empty(Feasibility.Violations(problem, plan));
        Assert.True(plan.Sum(a => problem.Candidates.Single(c => c.Id == a.CandidateId).Value) <= BruteForce.BestValue(problem));
    }
}
