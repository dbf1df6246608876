using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace Twin.Benchmarks;

/// <summary>What the samplers (<see cref="CpuSampler"/>, <see cref="AllocationSampler"/>) share: recording a trace of another process, naming methods, printing shares.</summary>
internal static class TraceSession
{
    /// <summary>Records an EventPipe session of process <paramref name="pid"/> with <paramref name="providers"/> for <paramref name="seconds"/> into <paramref name="output"/>.</summary>
    public static void Record(int pid, IReadOnlyList<EventPipeProvider> providers, double seconds, string output)
    {
        var client = new DiagnosticsClient(pid);
        using var session = client.StartEventPipeSession(providers, requestRundown: true);
        using var file = File.Create(output);
        var copy = session.EventStream.CopyToAsync(file);
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        session.Stop();
        copy.Wait(TimeSpan.FromSeconds(60));
    }

    /// <summary>The method and its type, without the parameter list; null for a frame with no managed name.</summary>
    public static string? MethodName(TraceCodeAddress address)
    {
        var method = address.FullMethodName;
        if (string.IsNullOrEmpty(method))
        {
            return null;
        }

        var paren = method.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 ? method[..paren] : method;
    }

    /// <summary>A markdown table of the <paramref name="top"/> largest counts as % of <paramref name="total"/>.</summary>
    public static void PrintShares(TextWriter report, string title, Dictionary<string, long> counts, long total, int top)
    {
        report.WriteLine();
        report.WriteLine($"| {title} | % |");
        report.WriteLine("|---|---:|");
        foreach (var (name, count) in counts.OrderByDescending(c => c.Value).Take(top))
        {
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name.Replace("|", "/", StringComparison.Ordinal)} | {100.0 * count / Math.Max(1, total):F1} |"));
        }
    }
}
