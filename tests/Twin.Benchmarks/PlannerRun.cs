using System.Diagnostics;
using System.Globalization;
using Twin.Planning.Allocation;

namespace Twin.Benchmarks;

/// <summary>
/// The optimiser on the synthetic park (issue 5's target: within 5% of the best bound in ≤ 3 s, within 1% in
/// ≤ 10 s, on this 2-core machine): one 10 s solve whose progress reports give the time to a gap of 5% and 1%,
/// then solves limited to 3 s and 10 s for their final gap. Prints one Markdown table with the machine load.
/// </summary>
public static class PlannerRun
{
    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var ci = CultureInfo.InvariantCulture;
        int Arg(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], ci) : fallback;
        var candidates = Arg("--candidates", 500);
        var sites = Arg("--sites", 1_000);
        var seed = Arg("--seed", 1);
        var workers = Arg("--workers", 2);
        var long_ = Arg("--long", 10);
        var short_ = Arg("--short", 3);

        var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
        var clock = Stopwatch.StartNew();
        var problem = SyntheticAllocationProblem.Create(candidates, sites, seed);
        var generated = clock.Elapsed;
        clock.Restart();
        var index = new AllocationIndex(problem);
        var indexed = clock.Elapsed;
        clock.Restart();
        var greedy = GreedyAllocator.Allocate(index);
        var greedyTime = clock.Elapsed;
        clock.Restart();
        var model = new AllocationCpModel(index);
        var modelTime = clock.Elapsed;

        var pairs = index.Options.Sum(o => o.Length);
        output.WriteLine(string.Create(ci, $"# Planner optimiser — {candidates:N0} candidates × {sites:N0} buildings, seed {seed}, {workers} workers, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        output.WriteLine();
        output.WriteLine(string.Create(ci, $"Machine: {Environment.ProcessorCount} cores; load average before {string.Join(' ', loadBefore)}."));
        output.WriteLine(string.Create(ci, $"Instance: {pairs:N0} fitting (candidate, building) pairs after pre-filtering, {index.Candidates.Count(c => c.HazardClass >= problem.Rules.HazardThreshold)} hazardous candidates, {index.HazardSites.Length} sites open to them, {index.Conflicts.Length:N0} site pairs closer than {problem.Rules.SeparationMetres} m, {index.NearExistingHazard.Count(n => n)} sites near existing hazards, a clique cover of {ValueBound.CliqueCover(index)} (the greedy plan places {Enumerable.Range(0, index.Candidates.Length).Count(c => index.IsHazardous[c] && greedy.Choice[c] >= 0)} hazardous); {problem.Sites.Count(s => s.AllowsSplit)} splittable buildings; {problem.Plants.Count} plants."));
        output.WriteLine(string.Create(ci, $"Preparation: instance {generated.TotalMilliseconds:F0} ms, eligibility + separation pairs {indexed.TotalMilliseconds:F0} ms, greedy plan {greedyTime.TotalMilliseconds:F0} ms (value {greedy.TotalValue():N2}, {greedy.Choice.Count(c => c >= 0)} placed), CP-SAT model {modelTime.TotalMilliseconds:F0} ms; quick bound {ValueBound.Compute(index):N2}."));
        clock.Restart();
        var (improved, moves) = LocalSearch.Run(index, greedy, LocalSearch.DefaultSteps, CancellationToken.None);
        output.WriteLine(string.Create(ci, $"Local search: value {improved.TotalValue():N2} ({improved.Choice.Count(c => c >= 0)} placed, {moves} moves) in {clock.Elapsed.TotalMilliseconds:F0} ms."));
        clock.Restart();
        var cliqueCount = index.SeparationCliques.Count;
        output.WriteLine(string.Create(ci, $"Separation cliques: {cliqueCount} in {clock.Elapsed.TotalMilliseconds:F0} ms."));
        clock.Restart();
        var hazardLp = HazardSubproblem.HazardLp(index);
        output.WriteLine(string.Create(ci, $"Hazardous-only LP: {hazardLp:N2} + ordinary {HazardSubproblem.OrdinaryCents(index) / 100.0:N2} = {(HazardSubproblem.OrdinaryCents(index) / 100.0) + hazardLp:N2} in {clock.Elapsed.TotalMilliseconds:F0} ms."));
        if (args.Contains("--analyse"))
        {
            Analyse(index, improved, seed, workers, output);
        }

        output.WriteLine();
        if (args.Contains("--bounds-only"))
        {
            return 0;
        }

        var extra = Array.IndexOf(args, "--params") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var solver = new CpSatAllocationSolver(extra);
        if (extra is not null)
        {
            output.WriteLine("CP-SAT parameters: " + CpSatAllocationSolver.Parameters(new SolveOptions(TimeSpan.FromSeconds(long_), seed, 0, workers), extra, model.SecondaryRange));
            output.WriteLine();
        }

        var timeline = new List<SolveProgress>();
        var longResult = solver.SolveAsync(problem, new SolveOptions(TimeSpan.FromSeconds(long_), seed, 0, workers), new Collect(timeline)).GetAwaiter().GetResult();
        var shortResult = solver.SolveAsync(problem, new SolveOptions(TimeSpan.FromSeconds(short_), seed, 0, workers)).GetAwaiter().GetResult();
        var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[..3];

        string At(double gap) => timeline.FirstOrDefault(p => p.Gap <= gap) is { } p ? string.Create(ci, $"{p.Elapsed.TotalSeconds:F2} s") : "not reached";
        string Met(bool ok) => ok ? "yes" : "**no**";
        var to5 = timeline.FirstOrDefault(p => p.Gap <= 0.05);
        var to1 = timeline.FirstOrDefault(p => p.Gap <= 0.01);
        output.WriteLine("| figure | measured | target | met |");
        output.WriteLine("|---|---|---|---|");
        output.WriteLine(string.Create(ci, $"| time to gap ≤ 5% ({long_} s run) | {At(0.05)} | ≤ 3 s | {Met(to5 is not null && to5.Elapsed.TotalSeconds <= 3)} |"));
        output.WriteLine(string.Create(ci, $"| time to gap ≤ 1% ({long_} s run) | {At(0.01)} | ≤ 10 s | {Met(to1 is not null && to1.Elapsed.TotalSeconds <= 10)} |"));
        output.WriteLine(string.Create(ci, $"| final gap, {short_} s limit | {shortResult.Gap:P2} (value {shortResult.TotalValue:N2}, bound {shortResult.BestBound:N2} ({shortResult.Bound}), {shortResult.Status}, {shortResult.Elapsed.TotalSeconds:F2} s) | ≤ 5% | {Met(shortResult.Gap <= 0.05)} |"));
        output.WriteLine(string.Create(ci, $"| final gap, {long_} s limit | {longResult.Gap:P2} (value {longResult.TotalValue:N2}, bound {longResult.BestBound:N2} ({longResult.Bound}), {longResult.Status}, {longResult.Elapsed.TotalSeconds:F2} s) | ≤ 1% | {Met(longResult.Gap <= 0.01)} |"));
        output.WriteLine(string.Create(ci, $"| placed / unplaced ({long_} s run) | {longResult.Assignments.Count} / {longResult.Unplaced.Count} ({string.Join(", ", longResult.Unplaced.GroupBy(u => u.Reasons[0].Code).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}) | — | — |"));
        output.WriteLine();
        output.WriteLine(string.Create(ci, $"Load average after: {string.Join(' ', loadAfter)}. Progress of the {long_} s run (elapsed s: value / bound / gap):"));
        output.WriteLine(string.Join("; ", timeline.Select(p => string.Create(ci, $"{p.Elapsed.TotalSeconds:F2}: {p.Objective:F2} / {p.BestBound:F2} / {p.Gap:P2}"))));
        return 0;
    }

    /// <summary>Where the gap is: the LP bound of the whole model, and the hazardous subproblem for 1 s and 3 s (deterministic time).</summary>
    private static void Analyse(AllocationIndex index, PlanState improved, int seed, int workers, TextWriter output)
    {
        var ci = CultureInfo.InvariantCulture;
        var clock = Stopwatch.StartNew();
        var lp = LpBound.Compute(index, TimeSpan.FromSeconds(30));
        output.WriteLine(string.Create(ci, $"LP bound (GLOP, dual-checked): {lp:N2} in {clock.Elapsed.TotalMilliseconds:F0} ms; cliques {index.SeparationCliques.Count}."));
        foreach (var seconds in new[] { 1.0, 3.0 })
        {
            clock.Restart();
            var sub = HazardSubproblem.Solve(index, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(seconds * 2), seed, workers, improved.Choice, CancellationToken.None);
            var subTime = clock.Elapsed;
            if (sub is null)
            {
                output.WriteLine("hazard subproblem: nothing");
                continue;
            }

            var completed = HazardSubproblem.Complete(index, sub);
            output.WriteLine(string.Create(ci, $"hazard subproblem {seconds} s: value {sub.Value:N2} bound {sub.Bound:N2} optimal {sub.Optimal} in {subTime.TotalMilliseconds:F0} ms; decomposition bound {(HazardSubproblem.OrdinaryCents(index) / 100.0) + sub.Bound:N2}; plan from it {completed.TotalValue():N2} ({completed.Choice.Count(c => c >= 0)} placed)."));
        }
    }

    /// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class Collect(List<SolveProgress> into) : IProgress<SolveProgress>
    {
        public void Report(SolveProgress value)
        {
            lock (into)
            {
                into.Add(value);
            }
        }
    }
}
