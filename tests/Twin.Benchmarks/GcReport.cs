using System.Globalization;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Analysis;
using Microsoft.Diagnostics.Tracing.Analysis.GC;

namespace Twin.Benchmarks;

/// <summary>
/// <c>--gc-report TRACE</c>: the garbage collections in a trace taken by <c>--cpu-profile</c> (its
/// runtime provider carries the GC events): per generation how many, how long the process was
/// paused (suspension included) at p50 / p99 / max, how much of it was the suspension, and what
/// survived. A pause stops every managed thread, the live feed's included, so on a full machine it
/// is added to every change in flight.
/// </summary>
public static class GcReport
{
    public static int Run(string trace, TextWriter report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var source = new EventPipeEventSource(trace);
        source.NeedLoadedDotNetRuntimes();
        source.Process();
        var gcs = source.Processes().SelectMany(p => p.LoadedDotNetRuntime()?.GC.GCs ?? []).Where(gc => gc.PauseDurationMSec > 0).ToList();
        if (gcs.Count == 0)
        {
            report.WriteLine("No garbage collection in the trace.");
            return 1;
        }

        var seconds = (gcs[^1].StartRelativeMSec - gcs[0].StartRelativeMSec) / 1000;
        report.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{gcs.Count} collections over {seconds:F1} s; paused {gcs.Sum(g => g.PauseDurationMSec):F0} ms in all ({100 * gcs.Sum(g => g.PauseDurationMSec) / Math.Max(1, seconds * 1000):F1}% of the time)."));
        report.WriteLine();
        report.WriteLine("| generation (type) | count | pause p50 / p99 / max ms | of which suspension p50 / max ms | promoted MB p50 / max |");
        report.WriteLine("|---|---:|---|---|---|");
        foreach (var group in gcs.GroupBy(g => $"{g.Generation} ({g.Type})").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var pauses = group.Select(g => g.PauseDurationMSec).Order().ToList();
            var suspensions = group.Select(g => g.SuspendDurationMSec).Order().ToList();
            var promoted = group.Select(g => g.PromotedMB).Order().ToList();
            report.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key} | {pauses.Count} | {At(pauses, 0.5):F1} / {At(pauses, 0.99):F1} / {pauses[^1]:F1} | {At(suspensions, 0.5):F1} / {suspensions[^1]:F1} | {At(promoted, 0.5):F1} / {promoted[^1]:F1} |"));
        }

        return 0;
    }

    private static double At(List<double> sorted, double quantile) => sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))];
}
