using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Orleans.Storage;
using Twin.Contracts;

namespace Twin.Silo.Hosting;

/// <summary>
/// The write-behind store of reading twins (<see cref="TwinStorage.Readings"/>). Each twin's state
/// is one binary property (<c>t_…</c>, named after the grain) of a bucket entity
/// (<c>PartitionKey = {service}-{shard}</c>, <c>RowKey = ~b{bucket}</c>: <see cref="BucketsPerShard"/>
/// buckets in each of the <see cref="Shards"/> shards, each shard in a table of its own,
/// <c>{table}00</c> … <c>{table}15</c>), so the writes gathered over
/// <see cref="WriteBehindOptions.BatchWindow"/> become one merge per bucket, sent as entity-group
/// transactions of up to 100 entities (one request each), instead of one row per twin: the storage's
/// work and the silo's (the Azure SDK's per-entity buffers, which outlive young collections while a
/// transaction is in flight) follow the entities, not the twins (docs/performance.md, session 6).
/// A write completes when its transaction is stored (group commit). A twin whose state does not fit
/// a property, or whose bucket is full (<see cref="WriteBehindOptions.MaxTwinsPerBucket"/>), gets a row of its own (<c>RowKey = grain id</c>), as every
/// twin did before buckets; a read takes the higher version of the twin's property and its own row,
/// so rows written by earlier versions (also those of the single table <c>{table}</c>) are still
/// read and no acknowledged reading is lost on an upgrade. Writes are unconditional (merges of
/// distinct properties do not conflict): only the grain's single activation writes its state.
/// One table per shard because Azurite's work per written row grows with its table; on Azure
/// Storage it changes nothing.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The semaphore never hands out a wait handle; disposing it while a graceful stop still flushes would fail that flush.")]
public sealed partial class BatchedTableGrainStorage : IGrainStorage
{
    /// <summary>The store's table name as the silo sets it up; the shards' tables are named after it.</summary>
    public const string DefaultTable = "readings";

    public const int Shards = 16;

    /// <summary>Buckets of each shard. Part of the stored format: changing it moves every twin's property.</summary>
    public const int BucketsPerShard = 8;

    private const int MaxBatch = 100;
    private const int MaxColumnBytes = 60_000;
    private const string BucketRowPrefix = "~b";
    private const string PropertyPrefix = "t_";
    // A packed property: the write's time (Unix ms, little-endian, for the durability probe), then the state.
    private const int StampBytes = sizeof(long);
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
    private readonly ConcurrentDictionary<(int Shard, int Bucket), BucketRoom> _rooms = new();
    private readonly int _maxTwinsPerBucket;
    private int _pumping;
    private long _rowsWritten;
    private long _transactions;

    /// <summary>
    /// A store whose windows last <see cref="WriteBehindOptions.BatchWindow"/> and whose buckets take
    /// <see cref="WriteBehindOptions.MaxTwinsPerBucket"/> twins each (an entity holds 252 properties
    /// of its own, a binary one 64 KiB; with 200, 16 × 8 buckets pack 25,600 twins).
    /// </summary>
    public BatchedTableGrainStorage(TableServiceClient service, string tableName, string serviceId, WriteBehindOptions options, IGrainStorageSerializer serializer, ILogger<BatchedTableGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxTwinsPerBucket, nameof(options.MaxTwinsPerBucket));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxTwinsPerBucket, 250, nameof(options.MaxTwinsPerBucket));
        var window = options.BatchWindow;
        _maxTwinsPerBucket = options.MaxTwinsPerBucket;
        _tables = [.. Enumerable.Range(0, Shards).Select(shard => service.GetTableClient(ShardTable(tableName, shard)))];
        _legacy = service.GetTableClient(tableName);
        _service = Key(serviceId);
        _window = window;
        _serializer = serializer;
        _logger = logger;
        _created = new Lazy<Task>(() => Task.WhenAll(_tables.Select(t => t.CreateIfNotExistsAsync())));
    }

    /// <summary>Twin states stored so far, packed or in rows of their own (a twin written twice counts twice).</summary>
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

    /// <summary>The bucket entity's row key and the property that hold <paramref name="grainId"/>'s state when it is packed.</summary>
    public static (string Row, string Property) PackedOf(GrainId grainId) =>
        (BucketRow(Bucket(RowOf(grainId))), PropertyOf(grainId.ToString()));

    private static string BucketRow(int bucket) => string.Create(CultureInfo.InvariantCulture, $"{BucketRowPrefix}{bucket:00}");

    /// <summary>The property of a grain: letters and digits kept, any other character as <c>_</c> and 4 hex digits.</summary>
    private static string PropertyOf(string grain)
    {
        var name = new System.Text.StringBuilder(PropertyPrefix, PropertyPrefix.Length + grain.Length + 8);
        foreach (var c in grain)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(c);
            }
            else
            {
                name.Append('_').Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return name.ToString();
    }

    /// <summary>What every partition key of <paramref name="serviceId"/> starts with, before <c>-{shard}</c>.</summary>
    public static string PartitionPrefix(string serviceId) => Key(serviceId);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await _created.Value;
        var (partition, rowKey) = (PartitionOf(grainId), RowOf(grainId));
        var (bucketRow, property) = PackedOf(grainId);
        var table = _tables[Shard(rowKey)];
        var packedRead = table.GetEntityIfExistsAsync<TableEntity>(partition, bucketRow, select: [property]);
        var ownRead = table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey);
        var (packedRow, ownRow) = (await packedRead, await ownRead);
        var candidates = new List<(TableEntity Entity, T? State)>(2);
        if (packedRow.HasValue && packedRow.Value is { } bucket && Unpack(bucket.GetBinary(property)) is { } packed)
        {
            Room(Shard(rowKey), Bucket(rowKey)).Learn(property);
            candidates.Add((bucket, _serializer.Deserialize<T>(packed)));
        }

        // The single table of earlier versions only when neither newer place has the twin: whatever
        // this version wrote to either is newer than that table's row (read, and kept, at activation).
        var own = ownRow.HasValue ? ownRow.Value : candidates.Count == 0 ? await LegacyRow(partition, rowKey) : null;
        if (own is not null && Read(own) is { } data)
        {
            candidates.Add((own, _serializer.Deserialize<T>(data)));
        }

        if (candidates.Count > 0)
        {
            // Both: the newer (a twin moved between its property and a row of its own, or an earlier version's row).
            var newest = candidates.MaxBy(c => c.State is Twin.Contracts.Model.TwinState twin ? twin.Version : 0);
            grainState.State = newest.State!;
            grainState.ETag = newest.Entity.ETag.ToString();
            grainState.RecordExists = true;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var rowKey = RowOf(grainId);
        var write = new PendingWrite(PartitionOf(grainId), rowKey, PropertyOf(grainId.ToString()), _serializer.Serialize(grainState.State).ToMemory());
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
        var (bucketRow, property) = PackedOf(grainId);
        // A property cannot be removed by a merge: an empty one reads as none.
        await _tables[Shard(rowKey)].UpsertEntityAsync(new TableEntity(partition, bucketRow) { [property] = Array.Empty<byte>() }, TableUpdateMode.Merge);
        await _tables[Shard(rowKey)].DeleteEntityAsync(partition, rowKey);
        if (await LegacyRow(partition, rowKey) is not null)
        {
            await _legacy.DeleteEntityAsync(partition, rowKey);
        }

        grainState.RecordExists = false;
        grainState.ETag = null;
    }

    /// <summary>
    /// Every twin state an entity of this store holds: each non-empty property of a bucket entity,
    /// or the one state of a row of its own.
    /// </summary>
    public static IEnumerable<BinaryData> ReadAll(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!entity.RowKey.StartsWith(BucketRowPrefix, StringComparison.Ordinal))
        {
            return Read(entity) is { } data ? [data] : [];
        }

        return entity.Where(p => p.Key.StartsWith(PropertyPrefix, StringComparison.Ordinal))
            .Select(p => Unpack(entity.GetBinary(p.Key)))
            .OfType<BinaryData>()
            .ToList();
    }

    /// <summary>A packed property's state (after its write stamp), or null when it is empty (cleared) or missing.</summary>
    private static BinaryData? Unpack(byte[]? value) =>
        value is { Length: > StampBytes } ? BinaryData.FromBytes(value.AsMemory(StampBytes)) : null;

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

        // The last write of a twin wins; earlier ones complete with it.
        var latest = new Dictionary<(string, string), PendingWrite>();
        var followers = new Dictionary<PendingWrite, List<PendingWrite>>();
        foreach (var write in writes)
        {
            var key = (write.Partition, write.RowKey);
            if (latest.TryGetValue(key, out var earlier))
            {
                var list = followers.GetValueOrDefault(earlier) ?? [];
                followers.Remove(earlier);
                list.Add(earlier);
                followers[write] = list;
            }

            latest[key] = write;
        }

        var sentAt = new byte[StampBytes];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(sentAt, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var entities = new List<StoredEntity>();
        foreach (var group in latest.Values.GroupBy(w => (Shard(w.RowKey), Bucket(w.RowKey))))
        {
            var room = Room(group.Key.Item1, group.Key.Item2);
            var packed = group.Where(w => w.Data.Length <= MaxColumnBytes && w.Property.Length <= 255 && room.Admit(w.Property)).ToList();
            if (packed.Count > 0)
            {
                var bucket = new TableEntity(packed[0].Partition, BucketRow(group.Key.Item2));
                foreach (var write in packed)
                {
                    var value = new byte[StampBytes + write.Data.Length];
                    sentAt.CopyTo(value, 0);
                    write.Data.Span.CopyTo(value.AsSpan(StampBytes));
                    bucket[write.Property] = value;
                }

                entities.Add(new StoredEntity(group.Key.Item1, new TableTransactionAction(TableTransactionActionType.UpsertMerge, bucket), packed, room));
            }

            foreach (var write in group.Except(packed))
            {
                entities.Add(new StoredEntity(group.Key.Item1, new TableTransactionAction(TableTransactionActionType.UpsertReplace, OwnEntity(write)), [write], null));
            }
        }

        var batches = entities.GroupBy(e => e.Shard).SelectMany(g => g.Chunk(MaxBatch)).ToList();
        await Task.WhenAll(batches.Select(async batch =>
        {
            await _transactionSlots.WaitAsync();
            try
            {
                await _tables[batch[0].Shard].SubmitTransactionAsync(batch.Select(e => e.Action));
                Interlocked.Increment(ref _transactions);
                foreach (var write in batch.SelectMany(e => e.Writes))
                {
                    Interlocked.Increment(ref _rowsWritten);
                    write.Stored.TrySetResult();
                    followers.GetValueOrDefault(write)?.ForEach(f => f.Stored.TrySetResult());
                }
            }
            catch (Exception e) when (e is RequestFailedException or TableTransactionFailedException or OperationCanceledException)
            {
                LogBatchFailed(_logger, batch.Sum(b => b.Writes.Count), e);
                foreach (var entity in batch)
                {
                    // Refused as malformed (Azure's property limits among the causes): these twins take
                    // rows of their own from their next write on, and the bucket takes no new ones.
                    if (e is RequestFailedException { Status: 400 } && entity.Room is { } room)
                    {
                        room.Evict(entity.Writes.Select(w => w.Property));
                    }

                    foreach (var write in entity.Writes)
                    {
                        write.Stored.TrySetException(e);
                        followers.GetValueOrDefault(write)?.ForEach(f => f.Stored.TrySetException(e));
                    }
                }
            }
            finally
            {
                _transactionSlots.Release();
            }
        }));
    }

    /// <summary>A twin's row of its own: its state in <c>Data</c>, and <c>Data1</c>, … beyond 60,000 bytes.</summary>
    private static TableEntity OwnEntity(PendingWrite write)
    {
        var entity = new TableEntity(write.Partition, write.RowKey);
        var data = write.Data;
        for (var (i, offset) = (0, 0); offset < data.Length || i == 0; i++, offset += MaxColumnBytes)
        {
            entity[i == 0 ? "Data" : $"Data{i}"] = data.Slice(offset, Math.Min(MaxColumnBytes, data.Length - offset)).ToArray();
        }

        return entity;
    }

    private BucketRoom Room(int shard, int bucket) => _rooms.GetOrAdd((shard, bucket), static (_, max) => new BucketRoom(max), _maxTwinsPerBucket);

    private static int Bucket(string row) => (int)(Hash(row) / Shards % BucketsPerShard);

    private static int Shard(string row) => (int)(Hash(row) % Shards);

    private static uint Hash(string row)
    {
        var hash = 2166136261u;
        foreach (var c in row)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    /// <summary>Escapes what table keys may not hold (<c>/ \ # ?</c>, control characters) and <c>%</c>.</summary>
    private static string Key(string value) => string.Create(CultureInfo.InvariantCulture, $"{Uri.EscapeDataString(value)}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Write-behind batch of {Rows} rows failed; the twins write again on their next flush")]
    private static partial void LogBatchFailed(ILogger logger, int rows, Exception exception);

    private sealed class PendingWrite(string partition, string rowKey, string property, ReadOnlyMemory<byte> data)
    {
        public string Partition { get; } = partition;

        public string RowKey { get; } = rowKey;

        public string Property { get; } = property;

        public ReadOnlyMemory<byte> Data { get; } = data;

        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One entity of a transaction: a bucket merge (with its room) or a row of its own, and the writes it stores.</summary>
    private sealed record StoredEntity(int Shard, TableTransactionAction Action, IReadOnlyList<PendingWrite> Writes, BucketRoom? Room);

    /// <summary>
    /// The twins this silo knows in one bucket entity, so it never asks the entity to hold more than
    /// <paramref name="max"/> (another silo's twins it has not seen may add a few).
    /// </summary>
    private sealed class BucketRoom(int max)
    {
        private readonly HashSet<string> _properties = new(StringComparer.Ordinal);
        private bool _full;

        /// <summary>Whether <paramref name="property"/> is, or may now be, in the bucket.</summary>
        public bool Admit(string property)
        {
            lock (_properties)
            {
                return _properties.Contains(property) || (!_full && _properties.Count < max && _properties.Add(property));
            }
        }

        /// <summary>A property read back from the bucket.</summary>
        public void Learn(string property)
        {
            lock (_properties)
            {
                _properties.Add(property);
            }
        }

        /// <summary>The bucket refused these: they go to rows of their own, and it takes no new ones.</summary>
        public void Evict(IEnumerable<string> properties)
        {
            lock (_properties)
            {
                _full = true;
                _properties.ExceptWith(properties);
            }
        }
    }
}
