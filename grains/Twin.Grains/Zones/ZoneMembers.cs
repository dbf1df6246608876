namespace Twin.Grains.Zones;

/// <summary>The ids of a zone's member twins, persisted beside the zone's own state.</summary>
[GenerateSerializer]
[Alias("twin.zone-members")]
public sealed record ZoneMembers
{
    [Id(0)]
    public IReadOnlyList<string> Ids { get; init; } = [];
}
