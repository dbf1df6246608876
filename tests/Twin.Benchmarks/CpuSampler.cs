using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Twin.Benchmarks;

/// <summary>
/// <c>--cpu-profile PID SECONDS [OUT]</c>: where another .NET process spends its CPU, without
/// dotnet-trace: an EventPipe session with the runtime's sample profiler (every managed thread every
/// ~1 ms) and rundown for method names, read back with TraceEvent. Samples whose innermost frames
/// are a wait (idle pool threads, timers, socket polls) are dropped; the rest are counted by the
/// innermost frame (exclusive) and by every frame on the stack (inclusive), as % of running samples.
/// </summary>
public static class CpuSampler
{
    private static readonly string[] Waits =
    [
        "WaitHandle", "WaitOne", "Monitor.Wait", "LowLevelLifoSemaphore", "LowLevelMonitor", "Thread.Sleep", "SleepInternal",
        "SocketAsyncEngine.EventLoop", "PortableThreadPool+GateThread", "WaitForSignal", "ManualResetEventSlim.Wait",
        "SemaphoreSlim.Wait", "TimerQueue.TimerThread", "WaitSubsystem", "Interop+Sys.WaitForSocketEvents", "SpinWait",
        "LowLevelSpinWaiter", "BlockingCollection", "Thread.Join", "Monitor.ObjWait", "WaitNative", "epoll",
        "PollGCWorker", "WaitOneNoCheck", "FileSystemWatcher",
    ];

    public static int Run(int pid, double seconds, string output, TextWriter report)
    {
        ArgumentNullException.ThrowIfNull(report);
        TraceSession.Record(pid,
        [
            new EventPipeProvider("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
            new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational, (long)ClrTraceEventParser.Keywords.Default),
        ], seconds, output);
        return Report(output, seconds, report);
    }

    /// <summary>
    /// Reads a sample-profiler trace: the samples of threads working in managed code, by method
    /// (threads in native code, waiting or in a system call, and parked managed threads left out).
    /// </summary>
    public static int Report(string trace, double seconds, TextWriter report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var etlx = TraceLog.CreateFromEventPipeDataFile(trace);
        using var log = new TraceLog(etlx);
        var exclusive = new Dictionary<string, long>(StringComparer.Ordinal);
        var inclusive = new Dictionary<string, long>(StringComparer.Ordinal);
        long managed = 0, native = 0;
        var callersOf = Environment.GetEnvironmentVariable("TWIN_PROFILE_CALLERS_OF");
        var callers = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var sample in log.Events.Where(e => e.ProviderName == "Microsoft-DotNETCore-SampleProfiler"))
        {
            var frames = new List<string>();
            for (var frame = sample.CallStack(); frame is not null && frames.Count < 200; frame = frame.Caller)
            {
                frames.Add(TraceSession.MethodName(frame.CodeAddress) ?? $"[{frame.CodeAddress.ModuleName ?? "native"}]");
            }

            if (frames.Count == 0)
            {
                continue;
            }

            // A thread in native code is waiting or in a system call; a managed one may still be
            // parked (a wait or the sample's own GC poll as its innermost frames, or a pool thread
            // with no work): only the rest is work.
            if (!IsManaged(sample) || frames[0].EndsWith("WorkerThreadStart", StringComparison.Ordinal)
                || frames.Take(4).Any(f => Waits.Any(w => f.Contains(w, StringComparison.Ordinal))))
            {
                native++;
                continue;
            }

            if (callersOf is not null && frames[0].Contains(callersOf, StringComparison.Ordinal))
            {
                var chain = string.Join(" ← ", frames.Skip(1).Take(5));
                callers[chain] = callers.GetValueOrDefault(chain) + 1;
            }

            managed++;
            exclusive[frames[0]] = exclusive.GetValueOrDefault(frames[0]) + 1;
            foreach (var name in frames.Distinct(StringComparer.Ordinal))
            {
                inclusive[name] = inclusive.GetValueOrDefault(name) + 1;
            }
        }

        report.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{managed:N0} samples of threads working in managed code, {native:N0} of threads waiting or in native code, over {seconds:F0} s (~1 sample per thread per ms; a sample profiler counts thread time, not CPU: read the shares, not the totals)."));
        TraceSession.PrintShares(report, "inclusive: % of working samples with the method on the stack", inclusive, managed, 60);
        TraceSession.PrintShares(report, "exclusive: % of working samples with the method innermost", exclusive, managed, 25);
        if (callersOf is not null)
        {
            TraceSession.PrintShares(report, $"callers of {callersOf}: % of working samples", callers, managed, 12);
        }
        return 0;
    }

    /// <summary>The sample's payload field <c>Type</c>: 1 External (in native code), 2 Managed.</summary>
    private static bool IsManaged(Microsoft.Diagnostics.Tracing.TraceEvent sample)
    {
        var type = sample.PayloadByName("Type");
        return type is not null && Convert.ToInt32(type, CultureInfo.InvariantCulture) == 2;
    }
}
