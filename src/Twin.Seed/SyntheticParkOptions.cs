namespace Twin.Seed;

/// <summary>How big a synthetic park to make; the same options and seed make the same park.</summary>
public sealed record SyntheticParkOptions
{
    public int Zones { get; init; } = 20;

    public int Buildings { get; init; } = 2_000;

    public int Enterprises { get; init; } = 1_000;

    public int Plants { get; init; } = 5;

    public int Stations { get; init; } = 7_000;

    public int Seed { get; init; } = 42;

    /// <summary><c>park-10k</c>: 20 zones, 2,000 buildings, 1,000 enterprises, 5 plants, the rest sensors.</summary>
    public static SyntheticParkOptions Park10k { get; } = new();

    /// <summary>A park of about <paramref name="twins"/> twins with park-10k's proportions.</summary>
    public static SyntheticParkOptions OfSize(int twins)
    {
        var scale = twins / 10_000.0;
        return new SyntheticParkOptions
        {
            Zones = Math.Clamp((int)Math.Round(20 * Math.Sqrt(scale)), 2, 200),
            Buildings = Math.Max(4, (int)(2_000 * scale)),
            Enterprises = Math.Max(2, (int)(1_000 * scale)),
            Plants = Math.Max(1, (int)Math.Round(5 * Math.Sqrt(scale))),
            Stations = Math.Max(1, (int)(7_000 * scale)),
        };
    }
}
