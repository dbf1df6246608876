using System.Globalization;

namespace Twin.WallSoak;

/// <summary>How long the wall is left on, how fast the feed runs, how often it is sampled.</summary>
public sealed record SoakOptions(double Minutes, int Rate, int SampleSeconds)
{
    public static SoakOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SoakOptions(5, 200, 15);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--minutes" => options with { Minutes = double.Parse(value, CultureInfo.InvariantCulture) },
                "--rate" => options with { Rate = int.Parse(value, CultureInfo.InvariantCulture) },
                "--sample-seconds" => options with { SampleSeconds = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]} (use --minutes, --rate, --sample-seconds)"),
            };
        }

        return options;
    }
}
