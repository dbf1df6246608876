namespace Twin.Seed.Tests.Synthetic;

/// <summary>The park-10k synthetic park, generated once for the tests that look at it.</summary>
public sealed class Park10k
{
    public IReadOnlyList<TwinState> Twins { get; } = SyntheticPark.Generate(SyntheticParkOptions.Park10k);
}
