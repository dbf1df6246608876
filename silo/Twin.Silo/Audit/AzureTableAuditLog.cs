using Azure;
using Azure.Data.Tables;
using Twin.Contracts.Commands;
using Twin.Contracts.Security;

namespace Twin.Silo.Audit;

/// <summary>
/// The audit trail in an Azure Table (<c>audit</c>): one partition per twin, rows ordered by the
/// version the command found and then by time; rows are only ever added (<c>AddEntity</c> fails
/// rather than replace), never updated or deleted by the twin.
/// </summary>
public sealed class AzureTableAuditLog(TableServiceClient service, string tableName = AzureTableAuditLog.DefaultTable) : IAuditLog
{
    public const string DefaultTable = "audit";

    /// <summary>A table property holds at most 64 KiB; a state above this many characters is stored as its size only.</summary>
    internal const int MaxStateChars = 30_000;

    private readonly TableClient _table = service.GetTableClient(tableName);
    private Task? _created;

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await EnsureTableAsync(cancellationToken);
        var row = new TableEntity(entry.TwinId, $"{entry.VersionBefore:D19}-{entry.At.UtcTicks:D19}-{Guid.NewGuid():N}")
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Command"] = entry.Command,
            ["Outcome"] = entry.Outcome.ToString(),
            ["VersionBefore"] = entry.VersionBefore,
            ["VersionAfter"] = entry.VersionAfter,
            ["Field"] = entry.Field,
            ["Error"] = entry.Error,
            ["Before"] = Bounded(entry.Before),
            ["After"] = Bounded(entry.After),
        };
        await _table.AddEntityAsync(row, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string twinId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(twinId);
        await EnsureTableAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == twinId, cancellationToken: cancellationToken))
        {
            entries.Add(new AuditEntry(
                row.PartitionKey,
                row.GetDateTimeOffset("At") ?? row.Timestamp ?? DateTimeOffset.MinValue,
                row.GetString("Actor"),
                row.GetString("Command"),
                Enum.Parse<CommandOutcome>(row.GetString("Outcome")),
                row.GetInt64("VersionBefore") ?? 0,
                row.GetInt64("VersionAfter"),
                row.GetString("Field"),
                row.GetString("Error"),
                row.GetString("Before"),
                row.GetString("After")));
        }

        return entries.Count <= limit ? entries : entries[^limit..];
    }

    private static string? Bounded(string? state) =>
        state is { Length: > MaxStateChars } ? $"{{\"truncated\":{state.Length}}}" : state;

    private Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        // Created once per process; a failure is retried by the next call.
        var created = _created;
        if (created is null || created.IsFaulted || created.IsCanceled)
        {
            created = _created = CreateAsync(cancellationToken);
        }

        return created;
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created by another silo meanwhile.
        }
    }
}
