using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Twin.Benchmarks;

/// <summary>
/// The one configuration: BenchmarkDotNet's short run (3 warm-ups, 3 iterations), in process (no
/// generated project to build on a shared 2-core machine), with the mean, median, P95, our P99
/// and allocations per operation.
/// </summary>
public static class BenchConfig
{
    public static IConfig Create(bool shortRun) => ManualConfig.CreateEmpty()
        .AddJob((shortRun ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance).WithId(shortRun ? "short" : "default"))
        .AddColumnProvider(DefaultColumnProviders.Descriptor, DefaultColumnProviders.Job, DefaultColumnProviders.Params, DefaultColumnProviders.Metrics)
        .AddColumn(StatisticColumn.Mean, StatisticColumn.Error, StatisticColumn.StdDev, StatisticColumn.Median, StatisticColumn.P95, new P99Column(), StatisticColumn.Max)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
        .AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub)
        .WithOptions(ConfigOptions.DisableLogFile);
}
