namespace Twin.Planning.Scenarios;

/// <summary>
/// The industry keys candidates and zone rules use (<c>pharma</c>, <c>metal-furniture</c>, ...),
/// one per <see cref="Industry"/>; salt chemistry is <c>chemical</c>.
/// </summary>
public static class IndustryKeys
{
    private static readonly Dictionary<Industry, string> Keys = new()
    {
        [Industry.Pharma] = "pharma",
        [Industry.Liquor] = "liquor",
        [Industry.SaltChemical] = "chemical",
        [Industry.MetalFurniture] = "metal-furniture",
        [Industry.Recycling] = "recycling",
        [Industry.Health] = "health",
        [Industry.Electronics] = "electronics",
        [Industry.BigData] = "big-data",
        [Industry.Logistics] = "logistics",
        [Industry.Other] = "other",
    };

    private static readonly Dictionary<string, Industry> Industries = Keys.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyList<string> All { get; } = [.. Keys.Values];

    public static string Of(Industry industry) => Keys[industry];

    public static bool IsKey(string? key) => key is not null && Industries.ContainsKey(key);

    public static Industry IndustryOf(string key) => Industries.GetValueOrDefault(key, Industry.Other);

    /// <summary>What a zone accepts unless the planner says otherwise, from its industry focus.</summary>
    public static IReadOnlyList<string> DefaultFor(ZoneIndustry zone) => zone switch
    {
        ZoneIndustry.Pharma => ["pharma", "health"],
        ZoneIndustry.MetalFurniture => ["metal-furniture"],
        ZoneIndustry.SaltChemical => ["chemical"],
        ZoneIndustry.Recycling => ["recycling"],
        _ => ["liquor", "pharma", "health", "electronics", "big-data", "logistics", "other"],
    };
}
