using Twin.Planning.Allocation;

namespace Twin.Planning.Scenarios;

/// <summary>The rules a new scenario starts with.</summary>
public static class DefaultRules
{
    /// <summary>Hazard class from which candidates keep the safety distance (2 = significant hazard).</summary>
    public const int HazardThreshold = 2;

    /// <summary>Safety distance between hazardous enterprises, metres.</summary>
    public const double SeparationMetres = 100;

    public static AllocationRules For(IEnumerable<SnapshotZone> zones) => new(
        [.. zones.Select(z => new ZoneRule(z.Id, IndustryKeys.DefaultFor(z.Industry)))],
        HazardThreshold,
        SeparationMetres);
}
