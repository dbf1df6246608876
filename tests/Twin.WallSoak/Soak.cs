using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Twin.Testing;

namespace Twin.WallSoak;

/// <summary>
/// Azurite, the built silo (simulated feed on, at its fastest) and readings through
/// <c>POST /api/ingest</c> at <see cref="SoakOptions.Rate"/> per second — a few over a permit limit,
/// so alarms come and go — while one wall screen at 1920×1080 stays open. Every sample forces a
/// garbage collection in the page and reads its JS heap (CDP Runtime.getHeapUsage) and DOM
/// counters (Memory.getDOMCounters: nodes, including detached ones, and listeners).
/// </summary>
public static class Soak
{
    public static async Task<SoakReport> RunAsync(SoakOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        await using var silo = new SiloProcess(azurite.ConnectionString, "Release");
        silo.Settings["Twin__Feed__Enabled"] = "true";
        silo.Settings["Twin__Feed__ReadingSeconds"] = "1";
        silo.Settings["Twin__Feed__ConstructionSeconds"] = "1";
        silo.Settings["Twin__Feed__EnterpriseSeconds"] = "1";
        silo.Settings["Logging__LogLevel__Default"] = "Warning";
        await silo.StartAsync();
        Console.WriteLine($"silo at {silo.BaseAddress}");

        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var targets = await Targets(http);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var errors = 0;
        page.PageError += (_, _) => Interlocked.Increment(ref errors);
        await page.GotoAsync(new Uri(silo.BaseAddress, "/wall?id=soak").ToString());
        await page.WaitForFunctionAsync("() => window.__wall && window.__wall.ready && window.__wall.hub() === 'connected'", null, new() { Timeout = 120_000 });
        var cdp = await context.NewCDPSessionAsync(page);

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(options.Minutes));
        var sent = 0L;
        var load = Task.Run(() => Drive(http, targets, options.Rate, c => Interlocked.Add(ref sent, c), stop.Token));
        var samples = new List<SoakSample>();
        var clock = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            samples.Add(await Sample(cdp, page, clock.Elapsed, Interlocked.Read(ref sent)));
            Console.WriteLine(samples[^1].Line());
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.SampleSeconds), stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await load;
        samples.Add(await Sample(cdp, page, clock.Elapsed, Interlocked.Read(ref sent)));
        var stillLive = await page.EvaluateAsync<bool>("() => window.__wall.hub() === 'connected'");
        await context.CloseAsync();
        return new SoakReport(options, samples, errors, stillLive);
    }

    private static async Task<SoakSample> Sample(ICDPSession cdp, IPage page, TimeSpan at, long sent)
    {
        await cdp.SendAsync("HeapProfiler.collectGarbage");
        var heap = (await cdp.SendAsync("Runtime.getHeapUsage"))!.Value;
        var dom = (await cdp.SendAsync("Memory.getDOMCounters"))!.Value;
        var attached = await page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");
        var ticker = await page.EvaluateAsync<int>("() => window.__wall.tickerSize()");
        return new SoakSample(
            at,
            sent,
            heap.GetProperty("usedSize").GetDouble() / (1024 * 1024),
            dom.GetProperty("nodes").GetInt32(),
            attached,
            dom.GetProperty("jsEventListeners").GetInt32(),
            ticker);
    }

    private static async Task<(string[] Plants, string[] Stations)> Targets(HttpClient http)
    {
        var plants = await http.GetFromJsonAsync<JsonObject>(new Uri("/api/features?kind=plant", UriKind.Relative));
        var stations = await http.GetFromJsonAsync<JsonObject>(new Uri("/api/features?kind=station", UriKind.Relative));
        static string[] Ids(JsonObject? c, Func<JsonNode, bool> keep) =>
            [.. c!["features"]!.AsArray().Where(f => keep(f!)).Select(f => f!["id"]!.GetValue<string>())];
        return (Ids(plants, f => f["properties"]!["status"]!.GetValue<string>() == "Operating"), Ids(stations, _ => true));
    }

    /// <summary>Batches every 100 ms; each twin's readings get increasing times so none is refused as old.</summary>
    private static async Task Drive(HttpClient http, (string[] Plants, string[] Stations) targets, int rate, Action<int> count, CancellationToken stop)
    {
        var random = new Random(7);
        var perBatch = Math.Max(1, rate / 10);
        var all = targets.Plants.Concat(targets.Stations).ToArray();
        var next = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var at = DateTimeOffset.UtcNow.AddSeconds(-1);
                var body = new StringBuilder("{\"readings\":[");
                var used = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < perBatch && used.Count < all.Length; i++)
                {
                    var id = all[next++ % all.Length];
                    if (!used.Add(id))
                    {
                        continue;
                    }

                    var values = id.StartsWith("plant:", StringComparison.Ordinal)
                        ? $"{{\"inflow\": {random.Next(20_000, 40_000)}, \"cod\": {(random.NextDouble() < 0.01 ? 65 : 25).ToString(CultureInfo.InvariantCulture)}, \"ammonia\": 1.5, \"totalPhosphorus\": 0.2, \"ph\": 7.2}}"
                        : $"{{\"aqi\": {random.Next(30, 120)}, \"pm25\": {random.Next(10, 70)}, \"cod\": {random.Next(8, 45)}, \"ph\": 7.1}}";
                    body.Append(used.Count > 1 ? "," : "").Append(CultureInfo.InvariantCulture, $"{{\"twinId\":\"{id}\",\"at\":\"{at:O}\",\"values\":{values}}}");
                }

                body.Append("]}");
                using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
                try
                {
                    using var response = await http.PostAsync(new Uri("/api/ingest", UriKind.Relative), content, stop);
                    count(used.Count);
                }
                catch (HttpRequestException)
                {
                    // The silo is busy: the next batch goes on.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The soak is over.
        }
    }
}
