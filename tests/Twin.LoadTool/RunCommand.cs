using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Twin.LoadTool;

/// <summary>
/// <c>run</c>: connects the clients, sends readings for the given time (after an unmeasured
/// warm-up at the same rate when asked), lets the last coalesced
/// messages arrive, then reports accepted updates/s, change → client latency, deliveries, lost
/// latest states, and (given the PIDs, the storage and Azurite's log) server CPU and memory,
/// storage writes and durability lag. Exits 1 when a latest state was lost.
/// </summary>
internal static class RunCommand
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = LoadOptions.Parse(args);
        var cookies = new System.Net.CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8, CookieContainer = cookies })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(120),
        };
        // Readings go with the device key; reads and the hub with a viewer's session.
        using var ingest = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Senders + 4, UseCookies = false })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(120),
        };
        string? sessionCookie = null;
        if (options.CredentialsFile is { } file)
        {
            var credentials = await Credentials.ReadAsync(file);
            sessionCookie = await credentials.SignInAsync(http, cookies);
            ingest.DefaultRequestHeaders.Add(Credentials.ApiKeyHeader, credentials.DeviceKey);
        }

        var twins = (await http.GetFromJsonAsync<JsonObject>("/healthz"))!["twins"]!.GetValue<int>();
        var targets = await LoadTargets.ReadAsync(http);
        if (options.Hot)
        {
            targets = [targets.First(t => t.Kind == "station")];
            options = options with { Senders = 1 };
        }

        var zones = targets.Select(t => t.Zone).Distinct().Order(StringComparer.Ordinal).ToList();
        Console.WriteLine($"{twins} twins; {targets.Count} take readings in {zones.Count} zones; {options.Clients} clients; {options.Rate} readings/s for {options.Seconds} s from {options.Senders} senders, batches of {options.Batch}");

        var figures = new Figures(options);
        figures.Set("twins", twins);
        figures.Set("rss_idle_bytes", options.ServerPid is { } idlePid ? ProcessProbe.ResidentBytes(idlePid) : null);
        await using var clients = new HubClients();
        await clients.ConnectAsync(options.Url, options.Clients, zones, sessionCookie, options.MessagePack);
        Console.WriteLine($"{options.Clients} clients connected and subscribed ({(options.MessagePack ? "MessagePack" : "JSON")})");

        // The silo's CPU with the clients connected and nothing sent: what it burns regardless of load
        // (after a pause: the subscriptions' snapshots and the JIT settle first).
        await Task.Delay(IdleWindow);
        var idle = CpuNow(options);
        await Task.Delay(IdleWindow);
        SetCpu(figures, "server_idle", idle.Server, CpuNow(options).Server, IdleWindow.TotalSeconds, 0);

        if (options.Warmup > 0)
        {
            // The same load, unmeasured, straight before the window: a silo's first seconds of
            // readings include the JIT's tiering of the ingest and write-behind paths and the first
            // flush of every twin, once per process start.
            Console.WriteLine($"warming up for {options.Warmup} s at the same rate (not measured)");
            clients.StopRecording();
            await new ReadingSenders(ingest, targets, options).RunAsync(TimeSpan.FromSeconds(options.Warmup));
            clients.StartRecording();
        }

        var senders = new ReadingSenders(ingest, targets, options);
        var before = CpuNow(options);
        var logFrom = StorageProbe.LogOffset(options.AzuriteLog);
        var marker = $"twinbench{Environment.ProcessId}";
        var markLog = options.AzuriteLog is not null && options.Storage is not null;
        if (markLog)
        {
            await StorageProbe.MarkAsync(http, options.Storage!, marker + "start");
        }

        Console.WriteLine($"sending for {options.Seconds} s");
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        clients.Series.Start(startedAt.ToUnixTimeMilliseconds());
        using var sampling = new CancellationTokenSource();
        var cpuBySecond = SampleCpuEverySecond(options, sampling.Token);
        await senders.RunAsync(TimeSpan.FromSeconds(options.Seconds));
        await sampling.CancelAsync();
        var elapsed = clock.Elapsed.TotalSeconds;
        var after = CpuNow(options);
        var endedAt = DateTimeOffset.UtcNow;
        if (markLog)
        {
            await StorageProbe.MarkAsync(http, options.Storage!, marker + "end");
        }

        var delivered = clients.Delivered;

        await Task.Delay(Drain);
        clients.StopRecording();
        var latency = clients.Latency.Take();
        var serverQueue = clients.ServerQueue.Take();
        var clientDelay = clients.ClientDelay.Take();
        var final = await LoadTargets.VersionsAsync(http);
        var lost = 0;
        for (var c = 0; c < options.Clients; c++)
        {
            foreach (var target in targets.Where(t => t.Zone == clients.ZoneOf[c]))
            {
                var seen = clients.SeenVersion(c, target.Id);
                if ((seen > 0 || senders.LastAccepted.ContainsKey(target.Id)) && seen < final[target.Id])
                {
                    lost++;
                }
            }
        }

        figures.Set("window_start", startedAt.ToString("O", CultureInfo.InvariantCulture));
        figures.Set("window_end", endedAt.ToString("O", CultureInfo.InvariantCulture));
        figures.Set("elapsed_s", elapsed);
        figures.Set("sent", senders.Sent);
        figures.Set("accepted", senders.Accepted);
        // Over the offered window: a sender waits for each answer before its next batch, so at the
        // close at most one batch per sender is still unanswered, and the senders' last answer is
        // at most that long after it (tail_ms); elapsed includes that tail.
        figures.Set("accepted_per_s", senders.Accepted / (double)options.Seconds);
        figures.Set("tail_ms", Math.Max(0, (elapsed - options.Seconds) * 1000));
        figures.Set("requests", senders.Requests);
        figures.Set("rejected", senders.Rejected.Count == 0 ? "none" : string.Join(", ", senders.Rejected.Select(r => $"{r.Key} {r.Value}")));
        figures.Set("latency_p50_ms", latency.Percentile(0.50));
        figures.Set("latency_p99_ms", latency.Percentile(0.99));
        figures.Set("latency_max_ms", latency.Max);
        figures.Set("latency_n", latency.Total);
        figures.Set("server_queue_p50_ms", serverQueue.Percentile(0.50));
        figures.Set("server_queue_p99_ms", serverQueue.Percentile(0.99));
        figures.Set("client_delay_p50_ms", clientDelay.Percentile(0.50));
        figures.Set("client_delay_p99_ms", clientDelay.Percentile(0.99));
        figures.Set("deliveries", delivered);
        figures.Set("deliveries_per_s", delivered / elapsed);
        figures.Set("lost", lost);
        SetCpu(figures, "server", before.Server, after.Server, elapsed, senders.Accepted);
        SetCpu(figures, "storage", before.Storage, after.Storage, elapsed, senders.Accepted);
        SetCpu(figures, "tool", before.Tool, after.Tool, elapsed, senders.Accepted);
        if (options.ServerPid is { } pid && ProcessProbe.ResidentBytes(pid) is { } rss)
        {
            figures.Set("rss_bytes", rss);
            figures.Set("twins_per_gib_rss", twins / (rss / 1_073_741_824.0));
        }

        if (options.Storage is not null)
        {
            var lags = (await StorageProbe.DurabilityLagAsync(options.Storage, senders.LastAccepted)).Order().ToList();
            figures.Set("lag_n", lags.Count);
            if (lags.Count > 0)
            {
                figures.Set("lag_p50_ms", lags[(int)(0.50 * (lags.Count - 1))]);
                figures.Set("lag_p99_ms", lags[(int)(0.99 * (lags.Count - 1))]);
                figures.Set("lag_max_ms", lags[^1]);
            }
        }

        if (markLog && File.Exists(options.AzuriteLog))
        {
            // Azurite writes its log behind: wait (at most 60 s) until the file stops growing.
            for (var (size, i) = (-1L, 0); i < 120 && StorageProbe.LogOffset(options.AzuriteLog) != size; i++)
            {
                size = StorageProbe.LogOffset(options.AzuriteLog);
                await Task.Delay(500);
            }

            var (requests, writes, twinWrites) = StorageProbe.CountRequests(options.AzuriteLog!, logFrom, marker + "start", marker + "end");
            figures.Set("storage_requests_per_s", requests / elapsed);
            figures.Set("storage_writes_per_s", writes / elapsed);
            figures.Set("storage_twin_writes_per_s", twinWrites / elapsed);
        }

        figures.Print(Console.Out);
        Console.WriteLine();
        clients.Series.Print(Console.Out, options.Seconds + 1, await cpuBySecond);
        if (options.Results is not null)
        {
            await File.WriteAllTextAsync(options.Results, figures.ToKeyValues());
        }

        return lost == 0 ? 0 : 1;
    }

    /// <summary>Each second until cancelled, the CPU of the silo, Azurite and this process over it (% of a core).</summary>
    private static async Task<List<string>> SampleCpuEverySecond(LoadOptions options, CancellationToken cancel)
    {
        var lines = new List<string>();
        var before = CpuNow(options);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancel))
            {
                var now = CpuNow(options);
                static string Pct(double? a, double? b) => a is { } x && b is { } y ? $"{100 * (y - x),3:F0}" : "n/a";
                lines.Add($"{Pct(before.Server, now.Server)} / {Pct(before.Storage, now.Storage)} / {Pct(before.Tool, now.Tool)}");
                before = now;
            }
        }
        catch (OperationCanceledException)
        {
            // The sending window closed.
        }

        return lines;
    }

    private static (double? Server, double? Storage, double? Tool) CpuNow(LoadOptions options) => (
        options.ServerPid is { } s ? ProcessProbe.CpuSeconds(s, options.ClockTicks) : null,
        options.StoragePid is { } a ? ProcessProbe.CpuSeconds(a, options.ClockTicks) : null,
        Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);

    private static void SetCpu(Figures figures, string who, double? before, double? after, double elapsed, long updates)
    {
        if (before is not { } b || after is not { } a)
        {
            return;
        }

        var seconds = a - b;
        figures.Set($"{who}_cpu_s", seconds);
        figures.Set($"{who}_cpu_pct_core", 100 * seconds / elapsed);
        figures.Set($"{who}_cpu_pct_machine", 100 * seconds / elapsed / Environment.ProcessorCount);
        figures.Set($"{who}_cpu_us_per_update", updates == 0 ? null : 1e6 * seconds / updates);
    }

    /// <summary>The run's figures, in order, printed as a table and written as <c>key=value</c> lines.</summary>
    private sealed class Figures(LoadOptions options)
    {
        private readonly List<(string Key, string Value)> _values =
        [
            ("clients", options.Clients.ToString(CultureInfo.InvariantCulture)),
            ("rate", options.Rate.ToString(CultureInfo.InvariantCulture)),
            ("seconds", options.Seconds.ToString(CultureInfo.InvariantCulture)),
            ("warmup", options.Warmup.ToString(CultureInfo.InvariantCulture)),
            ("senders", options.Senders.ToString(CultureInfo.InvariantCulture)),
            ("batch", options.Batch.ToString(CultureInfo.InvariantCulture)),
            ("hot", options.Hot ? "1" : "0"),
            ("protocol", options.MessagePack ? "messagepack" : "json"),
        ];

        public void Set(string key, object? value)
        {
            if (value is null)
            {
                return;
            }

            var text = value switch
            {
                double d => d.ToString("0.###", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString()!,
            };
            _values.Add((key, text));
        }

        public string ToKeyValues()
        {
            var text = new StringBuilder();
            foreach (var (key, value) in _values)
            {
                text.Append(key).Append('=').Append(value.Replace('\n', ' ')).Append('\n');
            }

            return text.ToString();
        }

        public void Print(TextWriter output)
        {
            output.WriteLine();
            output.WriteLine("| figure | value |");
            output.WriteLine("|---|---|");
            foreach (var (key, value) in _values)
            {
                output.WriteLine($"| {key} | {value} |");
            }
        }
    }
}
