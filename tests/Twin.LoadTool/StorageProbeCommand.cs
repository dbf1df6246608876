using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;

namespace Twin.LoadTool;

/// <summary>
/// <c>storage-probe --storage CONN [--rows 100,1000,4000] [--seconds 4] [--concurrency 8]</c>:
/// how fast the storage takes single-row upserts as its table grows, with Orleans' grain-storage
/// key layout (one partition per grain, the same RowKey for every twin: "twin") and with the keys
/// swapped (the same PartitionKey, one RowKey per grain). Each case gets a fresh table, dropped after.
/// </summary>
internal static class StorageProbeCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var values = ArgParser.Parse(args, flags: []);
        var connection = values.GetValueOrDefault("storage") ?? throw new ArgumentException("storage-probe needs --storage CONN");
        var rows = values.GetValueOrDefault("rows", "100,1000,4000").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList();
        var seconds = double.Parse(values.GetValueOrDefault("seconds", "4"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(values.GetValueOrDefault("concurrency", "8"), CultureInfo.InvariantCulture);
        var service = new TableServiceClient(connection);
        var payload = new string('x', 600); // about a station row's state JSON
        Console.WriteLine($"| rows in table | key layout | upserts/s ({concurrency} concurrent, {seconds:F0} s) | mean ms per upsert |");
        Console.WriteLine("|---:|---|---:|---:|");
        foreach (var n in rows)
        {
            foreach (var orleansLayout in new[] { true, false })
            {
                var name = $"probe{n}{(orleansLayout ? "o" : "s")}{Environment.ProcessId}";
                var table = service.GetTableClient(name);
                await table.CreateIfNotExistsAsync();
                try
                {
                    TableEntity Row(int i) => orleansLayout
                        ? new TableEntity($"park-twin_station_station:probe-{i:D6}", "twin") { ["Data"] = payload }
                        : new TableEntity("twin", $"park-twin_station_station:probe-{i:D6}") { ["Data"] = payload };
                    var next = -1;
                    await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
                    {
                        int i;
                        while ((i = Interlocked.Increment(ref next)) < n)
                        {
                            await table.UpsertEntityAsync(Row(i), TableUpdateMode.Replace);
                        }
                    }));

                    long done = 0;
                    var clock = Stopwatch.StartNew();
                    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async k =>
                    {
                        var random = new Random(k);
                        while (clock.Elapsed.TotalSeconds < seconds)
                        {
                            await table.UpsertEntityAsync(Row(random.Next(n)), TableUpdateMode.Replace);
                            Interlocked.Increment(ref done);
                        }
                    }));
                    var rate = done / clock.Elapsed.TotalSeconds;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {n:N0} | {(orleansLayout ? "Orleans: PK = grain, RK = \"twin\"" : "swapped: PK = \"twin\", RK = grain")} | {rate:F0} | {concurrency * 1000 / rate:F1} |"));
                }
                finally
                {
                    await table.DeleteAsync();
                }
            }
        }

        return 0;
    }
}
