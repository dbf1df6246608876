namespace Twin.Seed;

/// <summary>One reason a seed feature cannot be imported.</summary>
public sealed record SeedError(string FeatureId, string Reason)
{
    public override string ToString() => $"{FeatureId}: {Reason}";
}
