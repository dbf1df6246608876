using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Twin.Benchmarks;

/// <summary>
/// <c>--heap-types PID [TOP]</c>: what the live managed heap of another .NET process is made of, by
/// type (count and bytes), as dotnet-gcdump reports it: an EventPipe session with the GCHeapDump
/// keyword makes the runtime run one full, blocking GC and walk the heap, reporting every live
/// object (address, size, type) in bulk events and the types' names beside them.
/// </summary>
public static class HeapTypes
{
    public static int Run(int pid, int top, TextWriter report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var client = new DiagnosticsClient(pid);
        var providers = new[]
        {
            new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose,
                (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.Type | ClrTraceEventParser.Keywords.GCHeapDump
                    | ClrTraceEventParser.Keywords.GCHeapCollect | ClrTraceEventParser.Keywords.GCHeapAndTypeNames)),
        };
        var names = new Dictionary<ulong, string>();
        var bytes = new Dictionary<ulong, long>();
        var counts = new Dictionary<ulong, long>();
        using var session = client.StartEventPipeSession(providers, requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        source.Clr.TypeBulkType += data =>
        {
            for (var i = 0; i < data.Count; i++)
            {
                var type = data.Values(i);
                names[type.TypeID] = type.TypeName;
            }
        };
        source.Clr.GCBulkNode += data =>
        {
            for (var i = 0; i < data.Count; i++)
            {
                var node = data.Values(i);
                bytes[node.TypeID] = bytes.GetValueOrDefault(node.TypeID) + (long)node.Size;
                counts[node.TypeID] = counts.GetValueOrDefault(node.TypeID) + 1;
            }
        };

        // The walk ends with the collection: stop the session once it is over.
        source.Clr.GCStop += _ => Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ => session.Stop(), TaskScheduler.Default);
        source.Process();

        var total = bytes.Values.Sum();
        report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{counts.Values.Sum():N0} live objects, {total / 1048576.0:F1} MiB."));
        report.WriteLine();
        report.WriteLine("| type | objects | MiB | % |");
        report.WriteLine("|---|---:|---:|---:|");
        foreach (var (id, size) in bytes.OrderByDescending(b => b.Value).Take(top))
        {
            var name = (names.GetValueOrDefault(id) ?? $"type {id:x}").Replace("|", "/", StringComparison.Ordinal);
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {counts[id]:N0} | {size / 1048576.0:F2} | {100.0 * size / Math.Max(1, total):F1} |"));
        }

        return 0;
    }
}
