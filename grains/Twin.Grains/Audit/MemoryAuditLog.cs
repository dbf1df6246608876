using System.Collections.Concurrent;
using Twin.Contracts.Security;

namespace Twin.Grains.Audit;

/// <summary>The audit trail in memory, for silos without storage (the grain tests' in-process cluster).</summary>
public sealed class MemoryAuditLog : IAuditLog
{
    private readonly ConcurrentDictionary<string, List<AuditEntry>> _entries = new(StringComparer.Ordinal);

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var list = _entries.GetOrAdd(entry.TwinId, _ => []);
        lock (list)
        {
            list.Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(string twinId, int limit, CancellationToken cancellationToken = default)
    {
        if (!_entries.TryGetValue(twinId, out var list))
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>([]);
        }

        lock (list)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>([.. list.TakeLast(limit)]);
        }
    }
}
