using BenchmarkDotNet.Attributes;
using Twin.Planning.Allocation;

namespace Twin.Benchmarks;

/// <summary>
/// The optimiser's preparation on the synthetic park of 500 candidates × 1,000 buildings (issue 5): eligibility
/// with the separation pairs (STRtree), the greedy seed plan, and the CP-SAT model. The search itself is measured
/// by <c>--planner</c> (time to a gap, not a mean of calls).
/// </summary>
[BenchmarkCategory("planner")]
public class PlannerBenchmarks
{
    private AllocationProblem _problem = null!;
    private AllocationIndex _index = null!;

    [GlobalSetup]
    public void Setup()
    {
        _problem = SyntheticAllocationProblem.Create(500, 1_000, seed: 1);
        _index = new AllocationIndex(_problem);
    }

    [Benchmark(Description = "Eligibility + separation pairs (500 × 1,000)")]
    public int Index() => new AllocationIndex(_problem).Options.Sum(o => o.Length);

    [Benchmark(Description = "Greedy plan")]
    public int Greedy() => GreedyAllocator.Allocate(_index).Choice.Count(c => c >= 0);

    [Benchmark(Description = "CP-SAT model")]
    public long Model() => new AllocationCpModel(_index).Scale;

    [Benchmark(Description = "Quick value bound (clique cover)")]
    public double Bound() => ValueBound.Compute(_index);
}
