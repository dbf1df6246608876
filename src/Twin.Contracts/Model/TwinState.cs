using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;

namespace Twin.Contracts.Model;

/// <summary>
/// What every twin holds, persisted as its grain's state and sent whole in change items:
/// identity, place in the park, version and geometry (WGS 84 lon/lat).
/// Each kind derives its own record; state is replaced with <c>with</c>, never mutated.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("twin.state")]
public abstract record TwinState
{
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>The Chinese name shown to users.</summary>
    [Id(1)]
    public required string Name { get; init; }

    [Id(2)]
    public string? NameEn { get; init; }

    /// <summary>The zone the twin belongs to; <c>null</c> for the park and zones.</summary>
    [Id(3)]
    public string? ZoneId { get; init; }

    /// <summary>Raised by one with every accepted change; 1 once created.</summary>
    [Id(4)]
    public long Version { get; init; }

    [Id(5)]
    public DateTimeOffset UpdatedAt { get; init; }

    [Id(6)]
    public Geometry? Geometry { get; init; }

    /// <summary>The kind, from the type; never serialized (the id's prefix says it too).</summary>
    [JsonIgnore]
    public TwinKind Kind => KindCore;

    protected abstract TwinKind KindCore { get; }
}
