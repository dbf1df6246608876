using System.Diagnostics.Tracing;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Twin.Benchmarks;

/// <summary>
/// <c>--heap-types PID [TOP]</c>: what the live managed heap of another .NET process is made of, by
/// type (count and bytes), and what holds the largest types, as dotnet-gcdump reports it: an
/// EventPipe session with the GCHeapDump keyword makes the runtime run one full, blocking GC and
/// walk the heap, reporting every live object (address, size, type, number of references) and then
/// its references in the same order, in bulk events, with the types' names beside them.
/// </summary>
public static class HeapTypes
{
    /// <summary>How many of the largest types get a "held by" table.</summary>
    private const int HeldByTypes = 12;

    public static int Run(int pid, int top, TextWriter report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var heap = Walk(pid);
        var total = heap.Nodes.Sum(n => (long)n.Size);
        var byType = heap.Nodes.GroupBy(n => n.Type)
            .Select(g => (Type: g.Key, Count: g.Count(), Bytes: g.Sum(n => (long)n.Size)))
            .OrderByDescending(t => t.Bytes)
            .ToList();
        report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{heap.Nodes.Count:N0} live objects, {total / 1048576.0:F1} MiB."));
        report.WriteLine();
        report.WriteLine("| type | objects | MiB | % |");
        report.WriteLine("|---|---:|---:|---:|");
        foreach (var (type, count, bytes) in byType.Take(top))
        {
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {heap.Name(type)} | {count:N0} | {bytes / 1048576.0:F2} | {100.0 * bytes / Math.Max(1, total):F1} |"));
        }

        ReportHolders(heap, byType.Take(HeldByTypes).Select(t => t.Type), report);
        return 0;
    }

    /// <summary>
    /// For each of <paramref name="types"/>, the types of the objects that refer to its objects, by
    /// the bytes referred to (an object with several referrers counts once, for the first the walk
    /// reported; a root counts as "(root)").
    /// </summary>
    private static void ReportHolders(Heap heap, IEnumerable<ulong> types, TextWriter report)
    {
        var wanted = types.ToHashSet();
        var index = new Dictionary<ulong, int>(heap.Nodes.Count);
        for (var i = 0; i < heap.Nodes.Count; i++)
        {
            index.TryAdd(heap.Nodes[i].Address, i);
        }

        // The first referrer of each object of a wanted type, -1 for none found.
        var holder = new Dictionary<int, int>();
        var edge = 0;
        for (var i = 0; i < heap.Nodes.Count; i++)
        {
            var node = heap.Nodes[i];
            for (var e = 0; e < node.Edges && edge < heap.Edges.Count; e++, edge++)
            {
                if (index.TryGetValue(heap.Edges[edge], out var target) && wanted.Contains(heap.Nodes[target].Type))
                {
                    holder.TryAdd(target, i);
                }
            }
        }

        foreach (var type in wanted)
        {
            var held = new Dictionary<string, (int Count, long Bytes)>(StringComparer.Ordinal);
            long typeBytes = 0;
            for (var i = 0; i < heap.Nodes.Count; i++)
            {
                var node = heap.Nodes[i];
                if (node.Type != type)
                {
                    continue;
                }

                typeBytes += node.Size;
                var by = holder.TryGetValue(i, out var h) ? heap.Name(heap.Nodes[h].Type) : "(root)";
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(held, by, out _);
                entry = (entry.Count + 1, entry.Bytes + node.Size);
            }

            report.WriteLine();
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Held by ({heap.Name(type)}, {typeBytes / 1048576.0:F2} MiB):"));
            report.WriteLine();
            report.WriteLine("| referrer | objects | MiB |");
            report.WriteLine("|---|---:|---:|");
            foreach (var (by, (count, bytes)) in held.OrderByDescending(h => h.Value.Bytes).Take(8))
            {
                report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {by} | {count:N0} | {bytes / 1048576.0:F2} |"));
            }
        }
    }

    private static Heap Walk(int pid)
    {
        var client = new DiagnosticsClient(pid);
        var providers = new[]
        {
            new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose,
                (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.Type | ClrTraceEventParser.Keywords.GCHeapDump
                    | ClrTraceEventParser.Keywords.GCHeapCollect | ClrTraceEventParser.Keywords.GCHeapAndTypeNames)),
        };
        var heap = new Heap();
        using var session = client.StartEventPipeSession(providers, requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        source.Clr.TypeBulkType += data =>
        {
            for (var i = 0; i < data.Count; i++)
            {
                var type = data.Values(i);
                heap.Names[type.TypeID] = type.TypeName;
            }
        };
        source.Clr.GCBulkNode += data =>
        {
            for (var i = 0; i < data.Count; i++)
            {
                var node = data.Values(i);
                heap.Nodes.Add(new Node(node.Address, node.TypeID, (uint)node.Size, (int)node.EdgeCount));
            }
        };
        source.Clr.GCBulkEdge += data =>
        {
            for (var i = 0; i < data.Count; i++)
            {
                heap.Edges.Add(data.Values(i).Target);
            }
        };

        // The walk ends with the collection: stop the session once it is over.
        source.Clr.GCStop += _ => Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ => session.Stop(), TaskScheduler.Default);
        source.Process();
        return heap;
    }

    private readonly record struct Node(ulong Address, ulong Type, uint Size, int Edges);

    private sealed class Heap
    {
        public Dictionary<ulong, string> Names { get; } = [];

        public List<Node> Nodes { get; } = [];

        public List<ulong> Edges { get; } = [];

        public string Name(ulong type) =>
            (Names.GetValueOrDefault(type) ?? $"type {type:x}").Replace("|", "/", StringComparison.Ordinal);
    }
}
