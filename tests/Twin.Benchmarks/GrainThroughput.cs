using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime.Hosting;
using Twin.Contracts;
using Twin.Contracts.Changes;
using Twin.Contracts.Commands;
using Twin.Contracts.Grains;
using Twin.Contracts.Model;
using Twin.Grains.Hosting;
using Twin.Seed;
using Twin.Spatial.Serialization;
using Twin.Testing;

namespace Twin.Benchmarks;

/// <summary>
/// Issue 7's "in-memory twin updates through grains": one silo in this process (memory storage for
/// the twins, the pub-sub and the write-behind readings; changes published as in production), the
/// synthetic park imported, one subscriber on the silo's local change feed (as its catalog is),
/// then reading-type updates (station readings, write-behind) sent straight to the grains by many
/// concurrent callers: first spread over every station, then all on one station (the hot twin).
/// No HTTP, no SignalR, no Azurite: this is the grain layer's own ceiling. Prints one Markdown table.
/// </summary>
public static class GrainThroughput
{
    public static async Task<int> Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var ci = CultureInfo.InvariantCulture;
        int Arg(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], ci) : fallback;
        var size = Arg("--twins", 10_000);
        var seconds = Arg("--seconds", 10);
        var callers = Arg("--callers", 256);
        var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[..3];

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreePorts.Next(), gatewayPort: FreePorts.Next());
            silo.AddMemoryGrainStorage(TwinStorage.Twins, o => o.GrainStorageSerializer = new TwinStorageSerializer());
            // The write-behind rows are serialized as in production and then dropped: what is measured is the
            // grains, not a store (the real one, batched table transactions, is measured by ./twin bench).
            silo.Services.AddGrainStorage(TwinStorage.Readings, (_, _) => new SerializingSink());
            silo.AddMemoryGrainStorage(TwinStorage.PubSub);
            silo.AddTwinGrains();
        });
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();

        var park = SyntheticPark.Generate(SyntheticParkOptions.OfSize(size));
        var clock = Stopwatch.StartNew();
        await new SeedImporter(grains, NullLogger<SeedImporter>.Instance).ImportAsync(
            new SeedDocument(park, [], SeedReader.Digest(Encoding.UTF8.GetBytes($"grain-throughput-{size}"))));
        var imported = clock.Elapsed;
        var stations = park.OfType<StationState>().Select(s => s.Id).ToArray();

        var received = new Receipts();
        // The silo's own consumers take its changes from the local feed (the stream is for other silos).
        var feed = host.Services.GetRequiredService<ILocalChangeFeed>();
        feed.Committed += received.Add;

        // Warm-up: every station activated and the code paths jitted before anything is timed.
        await Drive(grains, stations, callers, TimeSpan.FromSeconds(Math.Max(2, seconds / 3)), hot: false);
        await received.Drain();
        var spread = await Measure(grains, stations, callers, seconds, hot: false, received);
        var hot = await Measure(grains, stations, callers, seconds, hot: true, received);

        feed.Committed -= received.Add;
        await host.StopAsync();
        var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
        output.WriteLine(string.Create(ci, $"# Grain throughput: {size:N0}-twin synthetic park ({stations.Length:N0} stations), {callers} concurrent callers, {seconds} s a phase"));
        output.WriteLine();
        output.WriteLine(string.Create(ci, $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; load average before {string.Join(' ', loadBefore)}, after {string.Join(' ', loadAfter)}; seed import into memory storage {imported.TotalSeconds:F1} s."));
        output.WriteLine();
        output.WriteLine("| phase | updates/s accepted | CPU per update (this process) | CPU (% of the machine) | change items received | commit → subscriber p50 / p99 / max | drained after the callers stopped | gen0 / gen1 / gen2 GCs |");
        output.WriteLine("|---|---:|---:|---:|---:|---|---:|---|");
        foreach (var (name, m) in new[] { ("every station", spread), ("one hot station", hot) })
        {
            output.WriteLine(string.Create(ci, $"| {name} | {m.PerSecond:N0} | {m.CpuMicros:F1} µs | {m.CpuPercent:F0}% | {m.Received:N0} ({m.Received / (double)Math.Max(1, m.Accepted):P0} of accepted: later readings of a twin merge into the pending publish) | {m.P50:N0} / {m.P99:N0} / {m.Max:N0} ms | {m.Drain.TotalMilliseconds:N0} ms | {m.Gc0} / {m.Gc1} / {m.Gc2} |"));
        }

        return 0;
    }

    private static async Task<Phase> Measure(IGrainFactory grains, string[] stations, int callers, int seconds, bool hot, Receipts received)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        received.Reset();
        var clock = Stopwatch.StartNew();
        var accepted = await Drive(grains, stations, callers, TimeSpan.FromSeconds(seconds), hot);
        var elapsed = clock.Elapsed.TotalSeconds;
        // What the callers committed is counted once it has arrived: wait until the stream is drained.
        var drain = await received.Drain();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        var (count, p50, p99, max) = received.Latencies();
        return new Phase(
            accepted / elapsed,
            accepted,
            accepted == 0 ? double.NaN : cpu * 1e6 / accepted,
            100 * cpu / (elapsed + drain.TotalSeconds) / Environment.ProcessorCount,
            count,
            p50,
            p99,
            max,
            drain,
            GC.CollectionCount(0) - g0,
            GC.CollectionCount(1) - g1,
            GC.CollectionCount(2) - g2);
    }

    /// <summary>Readings from <paramref name="callers"/> loops until <paramref name="length"/> passes; returns how many were accepted.</summary>
    private static async Task<long> Drive(IGrainFactory grains, string[] stations, int callers, TimeSpan length, bool hot)
    {
        using var stop = new CancellationTokenSource(length);
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            long accepted = 0;
            var next = caller;
            var value = 0.0;
            while (!stop.IsCancellationRequested)
            {
                var id = hot ? stations[0] : stations[next % stations.Length];
                next += callers;
                value += 1;
                var result = await grains.Get<IStationGrain>(id).RecordReading(new StationReadingReport(new StationReading
                {
                    At = DateTimeOffset.UtcNow,
                    Values = new Dictionary<string, double> { ["pm25"] = value % 300, ["aqi"] = value % 500 },
                }));
                if (result.IsAccepted)
                {
                    accepted++;
                }
            }

            return accepted;
        })));
        return counts.Sum();
    }

    private sealed class SerializingSink : Orleans.Storage.IGrainStorage
    {
        private static readonly TwinStorageSerializer Serializer = new();
        private long _bytes;

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Interlocked.Add(ref _bytes, Serializer.Serialize(grainState.State).ToMemory().Length);
            grainState.RecordExists = true;
            return Task.CompletedTask;
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }

    private sealed record Phase(double PerSecond, long Accepted, double CpuMicros, double CpuPercent, long Received, long P50, long P99, long Max, TimeSpan Drain, int Gc0, int Gc1, int Gc2);

    /// <summary>Change items as the subscribers get them: how many, and commit (the item's server time) → receipt in ms.</summary>
    private sealed class Receipts
    {
        private readonly long[] _latencies = new long[4_000_000];
        private long _count;

        public void Add(ChangeItem item)
        {
            var i = Interlocked.Increment(ref _count) - 1;
            if (i < _latencies.Length)
            {
                _latencies[i] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - item.At;
            }
        }

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        /// <summary>Waits until nothing arrived for a second; returns how long it took (without that second).</summary>
        public async Task<TimeSpan> Drain()
        {
            var clock = Stopwatch.StartNew();
            var last = Interlocked.Read(ref _count);
            var quietSince = clock.Elapsed;
            while (clock.Elapsed - quietSince < TimeSpan.FromSeconds(1) && clock.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(50);
                if (Interlocked.Read(ref _count) is var now && now != last)
                {
                    last = now;
                    quietSince = clock.Elapsed;
                }
            }

            return quietSince;
        }

        public (long Count, long P50, long P99, long Max) Latencies()
        {
            var n = (int)Math.Min(Interlocked.Read(ref _count), _latencies.Length);
            if (n == 0)
            {
                return (0, 0, 0, 0);
            }

            var sorted = _latencies[..n];
            Array.Sort(sorted);
            return (n, sorted[n / 2], sorted[Math.Min(n - 1, (int)(n * 0.99))], sorted[^1]);
        }
    }
}
