using System.Globalization;

namespace Twin.LoadTool;

/// <summary>Command-line options: <c>--url U --clients N --rate R --seconds S</c>.</summary>
internal sealed record LoadOptions(Uri Url, int Clients, int Rate, int Seconds, int Batch)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new LoadOptions(
            new Uri(values.GetValueOrDefault("url", "http://127.0.0.1:5080")),
            Int("clients", 20),
            Int("rate", 200),
            Int("seconds", 20),
            Int("batch", 50));
    }
}
