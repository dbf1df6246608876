using Twin.Contracts.Stats;

namespace Twin.Contracts.Grains;

/// <summary>
/// A zone: its own state, the list of its member twins, and its figures kept as the sum of
/// its members' contributions.
/// </summary>
[Alias("twin.IZoneGrain")]
public interface IZoneGrain : ITwinGrain
{
    /// <summary>Adds members (by id); their contributions are read from them. Idempotent.</summary>
    [Alias("AddMembers")]
    Task AddMembers(IReadOnlyList<string> memberIds);

    [AlwaysInterleave]
    [Alias("GetMembers")]
    Task<IReadOnlyList<string>> GetMembers();

    /// <summary>A member's new contribution after a committed change; older versions are ignored.</summary>
    [Alias("Report")]
    Task Report(MemberReport report);

    [AlwaysInterleave]
    [Alias("GetStats")]
    Task<ZoneStats?> GetStats();
}

/// <summary>A member's contribution at a version.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.member-report")]
public sealed record MemberReport(
    [property: Id(0)] string MemberId,
    [property: Id(1)] long Version,
    [property: Id(2)] TwinStats Contribution);
