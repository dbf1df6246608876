namespace Twin.Web.Feed;

/// <summary>The <c>Twin:Feed</c> section: the simulator that keeps the twin moving for demos and tests by eye.</summary>
public sealed class FeedOptions
{
    public const string Section = "Twin:Feed";

    /// <summary>On by default in <c>./twin run</c>; <c>--no-feed</c> turns it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between plant and station readings.</summary>
    public double ReadingSeconds { get; set; } = 5;

    /// <summary>Seconds between two construction steps (one building rises a step).</summary>
    public double ConstructionSeconds { get; set; } = 3;

    /// <summary>Seconds between two enterprise lifecycle steps or monthly reports.</summary>
    public double EnterpriseSeconds { get; set; } = 8;

    /// <summary>Chance that a plant reading exceeds a permit limit.</summary>
    public double ExceedanceChance { get; set; } = 0.04;

    public int Seed { get; set; } = 20261127;
}
