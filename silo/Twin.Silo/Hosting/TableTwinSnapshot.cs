using System.Text.Json;
using Azure.Data.Tables;
using Twin.Contracts;
using Twin.Contracts.Model;
using Twin.Spatial.Serialization;

namespace Twin.Silo.Hosting;

/// <summary>
/// <see cref="ITwinSnapshot"/> over the silo's tables: one paged query of the <c>twins</c> table
/// (the grains' own rows, <c>RowKey = 'twin'</c>, this service's partitions) and one of the
/// <c>readings</c> tables (write-behind copies), merged by version. A snapshot is shared for
/// <see cref="Reuse"/> by whoever asks meanwhile (the catalog and every zone at start), and then
/// let go: held on, it kept every twin's state as it was at start (geometry included) beside the
/// states the grains and the catalog moved on to.
/// </summary>
public sealed partial class TableTwinSnapshot(TableServiceClient service, string serviceId, ILogger<TableTwinSnapshot> logger) : ITwinSnapshot
{
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private Task<IReadOnlyDictionary<string, TwinState>>? _last;
    private long _takenAt;

    public Task<IReadOnlyDictionary<string, TwinState>> ReadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_last is { } last && !last.IsFaulted && !last.IsCanceled && Environment.TickCount64 - _takenAt < Reuse.TotalMilliseconds)
            {
                return last;
            }

            _takenAt = Environment.TickCount64;
            var loading = Load(cancellationToken);
            _last = loading;
            _ = ForgetAfterReuse(loading);
            return loading;
        }
    }

    /// <summary>Drops the shared snapshot <see cref="Reuse"/> after it is read, unless a newer one replaced it.</summary>
    private async Task ForgetAfterReuse(Task<IReadOnlyDictionary<string, TwinState>> loading)
    {
        // Off the caller's scheduler (a zone grain's, at its activation): this outlives the call.
        await ((Task)loading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.Delay(Reuse).ConfigureAwait(false);
        lock (_gate)
        {
            if (ReferenceEquals(_last, loading))
            {
                _last = null;
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, TwinState>> Load(CancellationToken cancellationToken)
    {
        var started = Environment.TickCount64;
        // Orleans keys a grain's row "{serviceId}_{grain}"; '`' follows '_'.
        var ownFilter = TableClient.CreateQueryFilter($"RowKey eq {"twin"} and PartitionKey ge {serviceId + "_"} and PartitionKey lt {serviceId + "`"}");
        var prefix = BatchedTableGrainStorage.PartitionPrefix(serviceId);
        // '.' follows '-'.
        var readingsFilter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix + "-"} and PartitionKey lt {prefix + "."}");
        // Both tables at once; the grains' own rows first in the merge, so a write-behind row wins only with a higher version.
        var tables = await Task.WhenAll(BatchedTableGrainStorage.TablesOf()
            .Select(name => Read(service.GetTableClient(name), readingsFilter, cancellationToken))
            .Prepend(Read(service.GetTableClient("twins"), ownFilter, cancellationToken)));
        var twins = new Dictionary<string, TwinState>(StringComparer.Ordinal);
        foreach (var state in tables.SelectMany(t => t.States))
        {
            if (!twins.TryGetValue(state.Id, out var held) || held.Version < state.Version)
            {
                twins[state.Id] = state;
            }
        }

        var rows = tables.Sum(t => t.Rows);
        LogRead(logger, twins.Count, rows, Environment.TickCount64 - started);
        return twins;
    }

    /// <summary>
    /// Every row of <paramref name="table"/> matching <paramref name="filter"/>, decoded. Each page is
    /// decoded on the thread pool while the next one is fetched, so the storage's time and the
    /// decoding overlap instead of adding up.
    /// </summary>
    private static async Task<(int Rows, IEnumerable<TwinState> States)> Read(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var rows = 0;
        var pages = new List<Task<TwinState?[]>>();
        try
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 1_000, cancellationToken: cancellationToken).AsPages())
            {
                var values = page.Values;
                rows += values.Count;
                pages.Add(Task.Run(() => values.SelectMany(BatchedTableGrainStorage.ReadAll).Select(Decode).ToArray(), cancellationToken));
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // No such table yet: nothing stored there.
        }

        var decoded = await Task.WhenAll(pages);
        return (rows, decoded.SelectMany(p => p).OfType<TwinState>());
    }

    /// <summary>A stored state of any twin kind (its <c>id</c> says which), or null for none.</summary>
    public static TwinState? Decode(BinaryData data)
    {
        var reader = new Utf8JsonReader(data.ToMemory().Span);
        string? id = null;
        while (id is null && reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("id"u8) && reader.Read())
            {
                id = reader.GetString();
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= 1)
            {
                reader.Skip();
            }
        }

        if (!TwinIds.TryGetKind(id, out var kind))
        {
            return null;
        }

        Type? type = kind switch
        {
            TwinKind.Park => typeof(ParkState),
            TwinKind.Zone => typeof(ZoneState),
            TwinKind.Building => typeof(BuildingState),
            TwinKind.Enterprise => typeof(EnterpriseState),
            TwinKind.Plant => typeof(PlantState),
            TwinKind.Network => typeof(NetworkSegmentState),
            TwinKind.Station => typeof(StationState),
            TwinKind.Facility => typeof(FacilityState),
            _ => null,
        };
        return type is null ? null : (TwinState?)JsonSerializer.Deserialize(data.ToMemory().Span, type, TwinJson.Options);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Twin snapshot: {Twins} twins from {Rows} rows in {Ms} ms")]
    private static partial void LogRead(ILogger logger, int twins, int rows, long ms);
}
