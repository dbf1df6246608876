using System.Globalization;

namespace Twin.LoadTool;

/// <summary>
/// Options of <c>run</c>: <c>--url U --clients N --rate R --seconds S [--warmup W] [--batch B] [--senders K]
/// [--hot] [--messagepack] [--server-pid P] [--storage-pid P] [--storage CONN] [--azurite-log FILE] [--results FILE]</c>.
/// </summary>
internal sealed record LoadOptions(Uri Url, int Clients, int Rate, int Seconds, int Batch)
{
    /// <summary>Concurrent ingest requests; each sender owns its own twins, so one twin's readings stay in order.</summary>
    public int Senders { get; init; } = 8;

    /// <summary>Seconds of the same load before the measured window, not counted (the silo's JIT tiering and first writes).</summary>
    public int Warmup { get; init; }

    /// <summary>Every reading goes to one station: the hot-twin case.</summary>
    public bool Hot { get; init; }

    /// <summary>The hub clients speak SignalR's MessagePack protocol (default JSON, as browsers and the earlier runs do).</summary>
    public bool MessagePack { get; init; }

    public int? ServerPid { get; init; }

    public int? StoragePid { get; init; }

    /// <summary>The storage account's connection string, to read the <c>twins</c> rows' Timestamps.</summary>
    public string? Storage { get; init; }

    /// <summary>Azurite's <c>--debug</c> log, to count its Table requests during the run.</summary>
    public string? AzuriteLog { get; init; }

    /// <summary>Where to write the figures as <c>key=value</c> lines (for <c>build/bench.sh</c>).</summary>
    public string? Results { get; init; }

    /// <summary>The demo credentials file the silo writes (<c>Twin:Demo:CredentialsFile</c>): a viewer and the device key.</summary>
    public string? CredentialsFile { get; init; }

    /// <summary>Clock ticks per second of /proc/PID/stat (<c>getconf CLK_TCK</c>).</summary>
    public int ClockTicks { get; init; } = 100;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var values = ArgParser.Parse(args, flags: ["hot", "messagepack"]);
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        int? Pid(string name) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        return new LoadOptions(
            new Uri(values.GetValueOrDefault("url", "http://127.0.0.1:5080")),
            Math.Clamp(Int("clients", 20), 0, 5_000),
            Math.Clamp(Int("rate", 200), 1, 1_000_000),
            Math.Clamp(Int("seconds", 20), 1, 3_600),
            Math.Clamp(Int("batch", 100), 1, 5_000))
        {
            Senders = Math.Clamp(Int("senders", 8), 1, 256),
            Warmup = Math.Clamp(Int("warmup", 0), 0, 600),
            Hot = values.ContainsKey("hot"),
            MessagePack = values.ContainsKey("messagepack"),
            ServerPid = Pid("server-pid"),
            StoragePid = Pid("storage-pid"),
            Storage = values.GetValueOrDefault("storage"),
            AzuriteLog = values.GetValueOrDefault("azurite-log"),
            Results = values.GetValueOrDefault("results"),
            ClockTicks = Int("clk-tck", 100),
            CredentialsFile = values.GetValueOrDefault("credentials"),
        };
    }
}
