using Twin.Contracts.Commands;

namespace Twin.Contracts.Security;

/// <summary>
/// One line of a twin's audit trail: who tried which command on it, when, how it ended, and its
/// state before and after (GeoJSON-friendly JSON, as stored). Entries are only ever appended.
/// </summary>
/// <param name="Actor">Who: <c>user:{name}</c>, <c>key:{id}</c> (a device or display key) or <c>system:{part}</c>.</param>
/// <param name="Command">What was asked, e.g. <c>building.progress</c>.</param>
/// <param name="Outcome">Accepted, Invalid or Conflict (refused attempts are recorded too).</param>
[GenerateSerializer, Immutable]
[Alias("twin.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] string TwinId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Command,
    [property: Id(4)] CommandOutcome Outcome,
    [property: Id(5)] long VersionBefore,
    [property: Id(6)] long? VersionAfter,
    [property: Id(7)] string? Field,
    [property: Id(8)] string? Error,
    [property: Id(9)] string? Before,
    [property: Id(10)] string? After);

/// <summary>The append-only store of audit entries (an Azure Table in a silo; memory in grain tests).</summary>
public interface IAuditLog
{
    /// <summary>Appends; never replaces an entry. Completes once the entry is stored.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>A twin's entries, oldest first, at most <paramref name="limit"/> of the newest.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(string twinId, int limit, CancellationToken cancellationToken = default);
}
