using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Orleans.Storage;
using Twin.Contracts;

namespace Twin.Silo.Hosting;

/// <summary>
/// The write-behind store of reading twins (<see cref="TwinStorage.Readings"/>): one row per
/// grain keyed <c>PartitionKey = {service}-{shard}</c>, <c>RowKey = grain id</c>, each shard in a
/// table of its own (<c>{table}00</c> … <c>{table}15</c>), so writes gathered over
/// <see cref="WriteBehindOptions.BatchWindow"/> go as entity-group transactions of up to 100 rows
/// (one request each) instead of one request per row. A write completes when its batch is stored
/// (group commit). Writes are unconditional upserts: only the grain's single activation writes its
/// row, and readers keep the higher version of this row and the grain's own row. One table per
/// shard because Azurite's work per written row grows with its table (docs/performance.md); on
/// Azure Storage it changes nothing. Rows of the single table <c>{table}</c> that earlier versions
/// wrote are still read, so no acknowledged reading is lost on an upgrade.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The semaphore never hands out a wait handle; disposing it while a graceful stop still flushes would fail that flush.")]
public sealed partial class BatchedTableGrainStorage : IGrainStorage
{
    /// <summary>The store's table name as the silo sets it up; the shards' tables are named after it.</summary>
    public const string DefaultTable = "readings";

    public const int Shards = 16;
    private const int MaxBatch = 100;
    private const int MaxColumnBytes = 60_000;
    // Transactions in flight at once, over every batch window: a window's writes do not wait for the
    // previous window's transactions (a twin has one write in flight at a time, so no row is in two).
    private const int ConcurrentTransactions = 16;

    private readonly TableClient[] _tables;
    private readonly TableClient _legacy;
    private readonly string _service;
    private readonly TimeSpan _window;
    private readonly IGrainStorageSerializer _serializer;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<PendingWrite> _queue = new();
    private readonly Lazy<Task> _created;
    private readonly SemaphoreSlim _transactionSlots = new(ConcurrentTransactions);
    private int _pumping;
    private long _rowsWritten;
    private long _transactions;

    public BatchedTableGrainStorage(TableServiceClient service, string tableName, string serviceId, TimeSpan window, IGrainStorageSerializer serializer, ILogger<BatchedTableGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(service);
        _tables = [.. Enumerable.Range(0, Shards).Select(shard => service.GetTableClient(ShardTable(tableName, shard)))];
        _legacy = service.GetTableClient(tableName);
        _service = Key(serviceId);
        _window = window;
        _serializer = serializer;
        _logger = logger;
        _created = new Lazy<Task>(() => Task.WhenAll(_tables.Select(t => t.CreateIfNotExistsAsync())));
    }

    /// <summary>Rows stored so far (a row written twice counts twice).</summary>
    public long RowsWritten => Interlocked.Read(ref _rowsWritten);

    /// <summary>Table requests that stored rows so far (each a transaction of up to 100 rows).</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>The partition key of <paramref name="grainId"/> in this service.</summary>
    public string PartitionOf(GrainId grainId) => $"{_service}-{Shard(RowOf(grainId)):00}";

    /// <summary>Every table the rows of store <paramref name="tableName"/> may be in: the shards' and the single one of earlier versions.</summary>
    public static IReadOnlyList<string> TablesOf(string tableName = DefaultTable) =>
        [.. Enumerable.Range(0, Shards).Select(shard => ShardTable(tableName, shard)), tableName];

    private static string ShardTable(string tableName, int shard) => string.Create(CultureInfo.InvariantCulture, $"{tableName}{shard:00}");

    public static string RowOf(GrainId grainId) => Key(grainId.ToString());

    /// <summary>What every partition key of <paramref name="serviceId"/> starts with, before <c>-{shard}</c>.</summary>
    public static string PartitionPrefix(string serviceId) => Key(serviceId);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await _created.Value;
        var (partition, rowKey) = (PartitionOf(grainId), RowOf(grainId));
        var row = await _tables[Shard(rowKey)].GetEntityIfExistsAsync<TableEntity>(partition, rowKey);
        var entity = row.HasValue ? row.Value : await LegacyRow(partition, rowKey);
        if (entity is not null && Read(entity) is { } data)
        {
            grainState.State = _serializer.Deserialize<T>(data);
            grainState.ETag = entity.ETag.ToString();
            grainState.RecordExists = true;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var rowKey = RowOf(grainId);
        var entity = new TableEntity(PartitionOf(grainId), rowKey);
        var data = _serializer.Serialize(grainState.State).ToMemory();
        for (var (i, offset) = (0, 0); offset < data.Length || i == 0; i++, offset += MaxColumnBytes)
        {
            entity[i == 0 ? "Data" : $"Data{i}"] = data.Slice(offset, Math.Min(MaxColumnBytes, data.Length - offset)).ToArray();
        }

        var write = new PendingWrite(entity, Shard(rowKey));
        _queue.Enqueue(write);
        if (Interlocked.CompareExchange(ref _pumping, 1, 0) == 0)
        {
            _ = Task.Run(Pump);
        }

        await write.Stored.Task;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await _created.Value;
        var (partition, rowKey) = (PartitionOf(grainId), RowOf(grainId));
        await _tables[Shard(rowKey)].DeleteEntityAsync(partition, rowKey);
        if (await LegacyRow(partition, rowKey) is not null)
        {
            await _legacy.DeleteEntityAsync(partition, rowKey);
        }

        grainState.RecordExists = false;
        grainState.ETag = null;
    }

    /// <summary>Reads a row's state bytes back (the <c>Data</c> column and its continuations), or null.</summary>
    public static BinaryData? Read(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.GetBinary("Data") is not { } first)
        {
            return null;
        }

        if (!entity.ContainsKey("Data1"))
        {
            return BinaryData.FromBytes(first);
        }

        using var all = new MemoryStream();
        all.Write(first);
        for (var i = 1; entity.GetBinary($"Data{i}") is { } more; i++)
        {
            all.Write(more);
        }

        return BinaryData.FromBytes(all.ToArray());
    }

    /// <summary>The row as an earlier version wrote it, in the single table, or null.</summary>
    private async Task<TableEntity?> LegacyRow(string partition, string rowKey)
    {
        try
        {
            var row = await _legacy.GetEntityIfExistsAsync<TableEntity>(partition, rowKey);
            return row.HasValue ? row.Value : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No such table: nothing was ever written there.
            return null;
        }
    }

    private async Task Pump()
    {
        while (true)
        {
            await Task.Delay(_window);
            var writes = new List<PendingWrite>();
            while (_queue.TryDequeue(out var write))
            {
                writes.Add(write);
            }

            if (writes.Count == 0)
            {
                Volatile.Write(ref _pumping, 0);
                // A write enqueued after the drain but before the flag dropped would wait for nobody.
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _pumping, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            _ = Store(writes);
        }
    }

    private async Task Store(List<PendingWrite> writes)
    {
        try
        {
            await _created.Value;
        }
        catch (Exception e)
        {
            writes.ForEach(w => w.Stored.TrySetException(e));
            return;
        }

        // The last write of a row wins; earlier ones complete with it.
        var latest = new Dictionary<(string, string), PendingWrite>();
        var followers = new Dictionary<PendingWrite, List<PendingWrite>>();
        foreach (var write in writes)
        {
            var key = (write.Entity.PartitionKey, write.Entity.RowKey);
            if (latest.TryGetValue(key, out var earlier))
            {
                var list = followers.GetValueOrDefault(earlier) ?? [];
                followers.Remove(earlier);
                list.Add(earlier);
                followers[write] = list;
            }

            latest[key] = write;
        }

        var batches = latest.Values.GroupBy(w => w.Entity.PartitionKey).SelectMany(g => g.Chunk(MaxBatch)).ToList();
        await Task.WhenAll(batches.Select(async batch =>
        {
            await _transactionSlots.WaitAsync();
            try
            {
                await _tables[batch[0].Shard].SubmitTransactionAsync(batch.Select(w => new TableTransactionAction(TableTransactionActionType.UpsertReplace, w.Entity)));
                Interlocked.Increment(ref _transactions);
                Interlocked.Add(ref _rowsWritten, batch.Length);
                foreach (var write in batch)
                {
                    write.Stored.TrySetResult();
                    followers.GetValueOrDefault(write)?.ForEach(f => f.Stored.TrySetResult());
                }
            }
            catch (Exception e) when (e is RequestFailedException or TableTransactionFailedException or OperationCanceledException)
            {
                LogBatchFailed(_logger, batch.Length, e);
                foreach (var write in batch)
                {
                    write.Stored.TrySetException(e);
                    followers.GetValueOrDefault(write)?.ForEach(f => f.Stored.TrySetException(e));
                }
            }
            finally
            {
                _transactionSlots.Release();
            }
        }));
    }

    private static int Shard(string row)
    {
        var hash = 2166136261u;
        foreach (var c in row)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Shards);
    }

    /// <summary>Escapes what table keys may not hold (<c>/ \ # ?</c>, control characters) and <c>%</c>.</summary>
    private static string Key(string value) => string.Create(CultureInfo.InvariantCulture, $"{Uri.EscapeDataString(value)}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Write-behind batch of {Rows} rows failed; the twins write again on their next flush")]
    private static partial void LogBatchFailed(ILogger logger, int rows, Exception exception);

    private sealed class PendingWrite(TableEntity entity, int shard)
    {
        public TableEntity Entity { get; } = entity;

        public int Shard { get; } = shard;

        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
