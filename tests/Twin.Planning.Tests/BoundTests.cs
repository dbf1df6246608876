using Twin.Planning.Tests.Support;

namespace Twin.Planning.Tests;

/// <summary>The bounds are upper bounds (never below the brute-force optimum); the local search keeps every rule and never loses value.</summary>
public class BoundTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Lp_bound_is_at_least_the_brute_force_optimum(int seed)
    {
        var problem = RandomProblems.Create(seed);
        var index = new AllocationIndex(problem);

        var bound = LpBound.Compute(index, TimeSpan.FromSeconds(10));

        Assert.NotNull(bound);
        Assert.True(bound >= (double)BruteForce.BestValue(problem) - 1e-9, $"LP bound {bound} below the optimum {BruteForce.BestValue(problem)}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Hazardous_part_bounds_are_at_least_the_brute_force_optimum(int seed)
    {
        var problem = RandomProblems.Create(seed);
        var index = new AllocationIndex(problem);
        var optimum = (double)BruteForce.BestValue(problem);
        var ordinary = HazardSubproblem.OrdinaryCents(index) / 100.0;

        var lp = HazardSubproblem.HazardLp(index);
        var sub = HazardSubproblem.Solve(index, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), 1, 2, null, CancellationToken.None);

        Assert.NotNull(lp);
        Assert.True(ordinary + lp >= optimum - 1e-9, $"ordinary {ordinary} + hazardous LP {lp} below the optimum {optimum}");
        if (index.SeparationApplies)
        {
            Assert.NotNull(sub);
            Assert.True(ordinary + sub.Bound >= optimum - 1e-9, $"ordinary {ordinary} + subproblem bound {sub.Bound} below the optimum {optimum}");
            Assert.Empty(Feasibility.Violations(problem, HazardSubproblem.Complete(index, sub).ToAssignments()));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reported_bound_is_at_least_the_brute_force_optimum(int seed)
    {
        var problem = RandomProblems.Create(seed);

        var result = Park.Solve(problem);

        // The bound is on the objective: the value plus the secondary aims, which span less than 0.005 either way.
        Assert.True(result.BestBound >= (double)BruteForce.BestValue(problem) - 0.005, $"bound {result.BestBound} below the optimum {BruteForce.BestValue(problem)}");
        Assert.True(result.BestBound >= result.Objective);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Local_search_keeps_every_rule_and_never_lowers_the_objective(int seed)
    {
        var problem = RandomProblems.Create(seed);
        var index = new AllocationIndex(problem);
        var greedy = GreedyAllocator.Allocate(index);
        var model = new AllocationCpModel(index);

        var improved = LocalSearch.Improve(index, greedy);

        Assert.Empty(Feasibility.Violations(problem, improved.ToAssignments()));
        Assert.True(improved.TotalValue() >= greedy.TotalValue());
        Assert.True(model.ObjectiveOf(improved) >= model.ObjectiveOf(greedy));
        Assert.True(improved.TotalValue() <= BruteForce.BestValue(problem));
    }

    [Fact]
    public void Local_search_improves_the_benchmark_park_and_keeps_every_rule()
    {
        var problem = SyntheticAllocationProblem.Create(200, 400, seed: 1);
        var index = new AllocationIndex(problem);
        var greedy = GreedyAllocator.Allocate(index);
        var model = new AllocationCpModel(index);

        var (improved, moves) = LocalSearch.Run(index, greedy, LocalSearch.DefaultSteps, CancellationToken.None);

        Assert.Empty(Feasibility.Violations(problem, improved.ToAssignments()));
        Assert.True(moves > 0, "no move kept: the test no longer exercises the search");
        Assert.True(improved.TotalValue() > greedy.TotalValue());
        Assert.True(model.ObjectiveOf(improved) > model.ObjectiveOf(greedy));
        Assert.Equal(improved.Choice, LocalSearch.Improve(index, greedy).Choice);
    }

    [Fact]
    public void Separation_cliques_are_cliques_and_cover_every_close_pair()
    {
        var problem = SyntheticAllocationProblem.Create(200, 400, seed: 1);
        var index = new AllocationIndex(problem);
        var close = index.Conflicts.ToHashSet();

        var cliques = index.SeparationCliques;

        var covered = new HashSet<(int, int)>();
        foreach (var clique in cliques)
        {
            for (var i = 0; i < clique.Length; i++)
            {
                for (var j = i + 1; j < clique.Length; j++)
                {
                    var pair = (Math.Min(clique[i], clique[j]), Math.Max(clique[i], clique[j]));
                    Assert.Contains(pair, close);
                    covered.Add(pair);
                }
            }
        }

        Assert.NotEmpty(close);
        Assert.Equal(close.Count, covered.Count);
    }
}
