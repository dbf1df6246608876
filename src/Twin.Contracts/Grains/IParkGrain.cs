using Twin.Contracts.Stats;

namespace Twin.Contracts.Grains;

/// <summary>The management committee's park (key <see cref="TwinIds.Park"/>).</summary>
[Alias("twin.IParkGrain")]
public interface IParkGrain : ITwinGrain
{
    /// <summary>The digest of the seed imported into this storage, or <c>null</c> before the first import.</summary>
    [AlwaysInterleave]
    [Alias("GetImportedSeed")]
    Task<string?> GetImportedSeed();

    /// <summary>Records that a seed was wholly applied.</summary>
    [Alias("MarkSeedImported")]
    Task MarkSeedImported(string digest);

    [AlwaysInterleave]
    [Alias("GetStats")]
    Task<ParkStats?> GetStats();
}
