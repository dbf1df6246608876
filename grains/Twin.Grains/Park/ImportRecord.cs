namespace Twin.Grains.Park;

/// <summary>Which seed was applied to this storage account, and when.</summary>
[GenerateSerializer]
[Alias("twin.import-record")]
public sealed record ImportRecord
{
    [Id(0)]
    public string? Digest { get; init; }

    [Id(1)]
    public DateTimeOffset At { get; init; }
}
