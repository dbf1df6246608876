using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Twin.LoadTool;

// Drives plant and station readings through POST /api/ingest at a chosen rate, with N SignalR
// clients each subscribed to one zone, and reports change → client latency from the server time
// in each change item, deliveries per second, and latest states lost (the last version each
// client saw of each twin it watches, against the twin's version at the end).
var options = LoadOptions.Parse(args);
using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(60) };
var features = (await http.GetFromJsonAsync<JsonObject>("/api/features"))!["features"]!.AsArray().Select(f => f!.AsObject()).ToList();
var targets = features.Where(f => f["properties"]!["kind"]!.GetValue<string>() is "station" or "plant"
        && f["properties"]!["station"]?.GetValue<string>() != "EnvironmentDisplay"
        && (f["properties"]!["kind"]!.GetValue<string>() == "station" || f["properties"]!["status"]!.GetValue<string>() == "Operating"))
    .Select(f => (Id: f["id"]!.GetValue<string>(), Kind: f["properties"]!["kind"]!.GetValue<string>(), Zone: f["properties"]!["zoneId"]!.GetValue<string>()))
    .ToList();
var zones = targets.Select(t => t.Zone).Distinct().Order(StringComparer.Ordinal).ToList();
Console.WriteLine($"{targets.Count} twins take readings in {zones.Count} zones; {options.Clients} clients; {options.Rate} readings/s for {options.Seconds} s");

var latencies = new ConcurrentBag<long>();
var seen = new ConcurrentDictionary<(int Client, string Id), long>();
var delivered = 0L;
var clients = new List<HubConnection>();
for (var c = 0; c < options.Clients; c++)
{
    var client = c;
    var zone = zones[c % zones.Count];
    var connection = new HubConnectionBuilder().WithUrl(new Uri(options.Url, "/hubs/twin")).Build();
    connection.On<JsonArray>("changes", items =>
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var item in items)
        {
            var id = item!["id"]!.GetValue<string>();
            if (id.StartsWith("stats:", StringComparison.Ordinal))
            {
                continue;
            }

            latencies.Add(now - item["at"]!.GetValue<long>());
            seen.AddOrUpdate((client, id), item["version"]!.GetValue<long>(), (_, v) => Math.Max(v, item["version"]!.GetValue<long>()));
            Interlocked.Increment(ref delivered);
        }
    });
    await connection.StartAsync();
    await connection.InvokeAsync("Subscribe", zone);
    await connection.InvokeAsync("Subscribe", "stats");
    clients.Add(connection);
}

var random = new Random(7);
var sent = 0;
var accepted = 0;
var clock = Stopwatch.StartNew();
var at = DateTimeOffset.UtcNow;
var perTwin = new Dictionary<string, DateTimeOffset>();
while (clock.Elapsed.TotalSeconds < options.Seconds)
{
    var due = (int)(clock.Elapsed.TotalSeconds * options.Rate) - sent;
    if (due <= 0)
    {
        await Task.Delay(5);
        continue;
    }

    var batch = new StringBuilder("{\"readings\":[");
    var count = Math.Min(due, options.Batch);
    for (var i = 0; i < count; i++)
    {
        var (id, kind, _) = targets[random.Next(targets.Count)];
        var last = perTwin.GetValueOrDefault(id, at);
        var next = DateTimeOffset.UtcNow > last ? DateTimeOffset.UtcNow : last.AddTicks(10);
        perTwin[id] = next;
        var values = kind == "plant"
            ? $"{{\"inflow\":{random.Next(3000, 9000)},\"cod\":{random.Next(10, 45)},\"ammonia\":1.2,\"totalPhosphorus\":0.2,\"ph\":7.1}}"
            : $"{{\"pm25\":{random.Next(10, 80)},\"aqi\":{random.Next(20, 120)}}}";
        batch.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"twinId\":\"{id}\",\"at\":\"{next:O}\",\"values\":{values}}}");
    }

    batch.Append("]}");
    using var response = await http.PostAsync(new Uri("/api/ingest", UriKind.Relative), new StringContent(batch.ToString(), Encoding.UTF8, "application/json"));
    var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    accepted += result["accepted"]!.GetValue<int>();
    sent += count;
}

var elapsed = clock.Elapsed.TotalSeconds;
await Task.Delay(2_000); // let the last coalesced messages arrive
var final = (await http.GetFromJsonAsync<JsonObject>("/api/features"))!["features"]!.AsArray()
    .ToDictionary(f => f!["id"]!.GetValue<string>(), f => f!["properties"]!["version"]!.GetValue<long>());
var lost = 0;
for (var c = 0; c < options.Clients; c++)
{
    var zone = zones[c % zones.Count];
    foreach (var (id, _, twinZone) in targets.Where(t => t.Zone == zone))
    {
        if (seen.TryGetValue((c, id), out var version) ? version < final[id] : perTwin.ContainsKey(id))
        {
            lost++;
        }
    }
}

var sorted = latencies.Order().ToArray();
long Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
Console.WriteLine();
Console.WriteLine($"| machine | {Environment.ProcessorCount} cores, .NET {Environment.Version}, {Environment.OSVersion} |");
Console.WriteLine("|---|---|");
Console.WriteLine($"| readings sent / accepted | {sent} / {accepted} ({accepted / elapsed:F0}/s) |");
Console.WriteLine($"| change → client latency p50 / p99 / max | {Percentile(0.50)} / {Percentile(0.99)} / {(sorted.Length == 0 ? 0 : sorted[^1])} ms (n = {sorted.Length}) |");
Console.WriteLine($"| deliveries to clients | {delivered} ({delivered / elapsed:F0}/s) |");
Console.WriteLine($"| lost latest states | {lost} |");
foreach (var connection in clients)
{
    await connection.DisposeAsync();
}

return lost == 0 ? 0 : 1;
