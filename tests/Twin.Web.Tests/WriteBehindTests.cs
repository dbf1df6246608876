using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using Twin.Contracts;
using Twin.Contracts.Grains;
using Twin.Contracts.Model;
using Twin.Silo.Hosting;
using Twin.Spatial.Serialization;
using Twin.Web.Api;

namespace Twin.Web.Tests;

/// <summary>
/// On a real Azurite: ingested readings are acknowledged as not yet durable and written behind,
/// coalesced into few batched writes whose row is the latest reading; a graceful stop writes
/// every acknowledged reading; <c>?durable=true</c> is in storage when answered (as the paged
/// snapshot query that loads the catalog reads it); an overloaded
/// ingest refuses with 503 and Retry-After and applies nothing.
/// </summary>
public sealed class WriteBehindTests : IAsyncLifetime
{
    private readonly AzuriteProcess _azurite = new();

    public Task InitializeAsync() => _azurite.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Ingested_readings_are_coalesced_into_few_batched_writes_and_the_stored_row_is_the_latest()
    {
        var serviceId = $"w{Guid.NewGuid():N}"[..20];
        await using var host = Host(flushInterval: "00:00:00.300", serviceId);
        var client = await host.ReadyClientAsync();
        using var device = await host.KeyClientAsync();
        var stations = (await client.Features("?kind=station")).Take(5).Select(s => s.Id()).ToList();
        var store = (BatchedTableGrainStorage)host.Services.GetRequiredKeyedService<IGrainStorage>(TwinStorage.Readings);
        var rowsBefore = store.RowsWritten;
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var versions = new Dictionary<string, long>();
        const int Rounds = 40;
        for (var round = 0; round < Rounds; round++)
        {
            var body = Batch(stations.Select(id => (id, start.AddSeconds(round), (double)round)));
            var (status, answer) = await device.Post("/api/ingest", body);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(stations.Count, answer["accepted"]!.GetValue<int>());
            Assert.False(answer["durable"]!.GetValue<bool>());
            Assert.Equal(500, answer["flushWithinMs"]!.GetValue<long>());
            foreach (var result in answer["results"]!.AsArray())
            {
                versions[result!["twinId"]!.GetValue<string>()] = result["version"]!.GetValue<long>();
            }
        }

        var rows = await WaitForRows(serviceId, stations, versions);
        var updates = Rounds * stations.Count;
        var written = store.RowsWritten - rowsBefore;
        Assert.True(written < updates / 4, $"{written} row writes for {updates} readings");
        Assert.True(store.Transactions < written, $"{store.Transactions} transactions for {written} rows: not batched");
        foreach (var id in stations)
        {
            Assert.Equal(versions[id], rows[id].Version);
            Assert.Equal(Rounds - 1, rows[id].Latest!.Values["pm25"]);
        }
    }

    [Fact]
    public async Task Readings_of_twins_in_one_bucket_are_stored_as_one_entity_and_read_back_after_a_restart()
    {
        var serviceId = $"w{Guid.NewGuid():N}"[..20];
        List<string> sharing;
        Dictionary<string, long> versions;
        await using (var first = Host(flushInterval: "00:00:00.300", serviceId))
        {
            var client = await first.ReadyClientAsync();
            using var device = await first.KeyClientAsync();
            var grains = first.Services.GetRequiredService<IGrainFactory>();
            var store = (BatchedTableGrainStorage)first.Services.GetRequiredKeyedService<IGrainStorage>(TwinStorage.Readings);
            sharing = await SharingOneBucket(first, client);
            versions = await IngestRounds(device, sharing, rounds: 5);
            var rows = await WaitForRows(serviceId, sharing, versions);
            Assert.All(sharing, id => Assert.Equal(4, rows[id].Latest!.Values["pm25"]));

            // One entity holds them all, and none has a row of its own.
            var (partition, bucketRow) = Bucket(store, grains.GetGrain<IStationGrain>(sharing[0]).GetGrainId());
            var entities = await ReadingsEntities(partition);
            var bucket = Assert.Single(entities, e => e.RowKey == bucketRow);
            Assert.Equal(sharing.Order(), BatchedTableGrainStorage.ReadAll(bucket).Select(d => TableTwinSnapshot.Decode(d)!.Id).Order());
            Assert.DoesNotContain(entities, e => sharing.Any(id => e.RowKey == BatchedTableGrainStorage.RowOf(grains.GetGrain<IStationGrain>(id).GetGrainId())));
        }

        await using var second = Host(flushInterval: "00:10:00", serviceId);
        var reader = await second.ReadyClientAsync();
        var catalog = (await reader.Features("?kind=station")).ToDictionary(s => s.Id(), s => s.Version());
        foreach (var id in sharing)
        {
            Assert.Equal(versions[id], catalog[id]);
            var twin = await reader.Twin(id);
            Assert.Equal(versions[id], twin.Version());
            Assert.Equal(4, twin["properties"]!["latest"]!["values"]!["pm25"]!.GetValue<double>());
        }
    }

    [Fact]
    public async Task A_twin_whose_bucket_is_full_gets_a_row_of_its_own_that_a_restarted_silo_reads()
    {
        var serviceId = $"w{Guid.NewGuid():N}"[..20];
        List<string> sharing;
        Dictionary<string, long> versions;
        await using (var first = Host(flushInterval: "00:00:00.300", serviceId))
        {
            first.Settings["Twin:WriteBehind:MaxTwinsPerBucket"] = "1";
            var client = await first.ReadyClientAsync();
            using var device = await first.KeyClientAsync();
            var grains = first.Services.GetRequiredService<IGrainFactory>();
            var store = (BatchedTableGrainStorage)first.Services.GetRequiredKeyedService<IGrainStorage>(TwinStorage.Readings);
            sharing = await SharingOneBucket(first, client);
            versions = await IngestRounds(device, sharing, rounds: 3);
            await WaitForRows(serviceId, sharing, versions);

            // The bucket took the first twin it was given; every other twin of it has a row of its own.
            var (partition, bucketRow) = Bucket(store, grains.GetGrain<IStationGrain>(sharing[0]).GetGrainId());
            var entities = await ReadingsEntities(partition);
            var packed = BatchedTableGrainStorage.ReadAll(Assert.Single(entities, e => e.RowKey == bucketRow)).Select(d => TableTwinSnapshot.Decode(d)!.Id).ToList();
            Assert.Single(packed);
            var rowsOfTheirOwn = sharing.Where(id => entities.Any(e => e.RowKey == BatchedTableGrainStorage.RowOf(grains.GetGrain<IStationGrain>(id).GetGrainId()))).ToList();
            Assert.Equal(sharing.Except(packed).Order(), rowsOfTheirOwn.Order());
        }

        await using var second = Host(flushInterval: "00:10:00", serviceId);
        var reader = await second.ReadyClientAsync();
        var catalog = (await reader.Features("?kind=station")).ToDictionary(s => s.Id(), s => s.Version());
        foreach (var id in sharing)
        {
            Assert.Equal(versions[id], catalog[id]);
            Assert.Equal(versions[id], (await reader.Twin(id)).Version());
        }
    }

    [Fact]
    public async Task A_twins_row_of_its_own_and_its_bucket_property_are_read_by_the_higher_version()
    {
        var serviceId = $"w{Guid.NewGuid():N}"[..20];
        string newerRow, olderRow;
        long newerVersion, packedVersion;
        await using (var first = Host(flushInterval: "00:00:00.300", serviceId))
        {
            var client = await first.ReadyClientAsync();
            using var device = await first.KeyClientAsync();
            var grains = first.Services.GetRequiredService<IGrainFactory>();
            var store = (BatchedTableGrainStorage)first.Services.GetRequiredKeyedService<IGrainStorage>(TwinStorage.Readings);
            var stations = (await client.Features("?kind=station")).Select(s => s.Id()).Take(2).ToList();
            (newerRow, olderRow) = (stations[0], stations[1]);
            var versions = await IngestRounds(device, stations, rounds: 2);
            await WaitForRows(serviceId, stations, versions);
            packedVersion = versions[olderRow];

            // Rows of their own in the shard tables, as the store wrote every twin before buckets:
            // one newer than the twin's property, one older.
            foreach (var (id, delta) in new[] { (newerRow, 5L), (olderRow, -1L) })
            {
                var grainId = grains.GetGrain<IStationGrain>(id).GetGrainId();
                var state = (StationState)(await grains.GetGrain<IStationGrain>(id).GetState())!;
                var row = state with
                {
                    Version = versions[id] + delta,
                    Latest = new StationReading { At = DateTimeOffset.UtcNow.AddMinutes(-1), Values = new Dictionary<string, double> { ["pm25"] = 100 + delta } },
                };
                var partition = store.PartitionOf(grainId);
                await new TableClient(_azurite.ConnectionString, $"{BatchedTableGrainStorage.DefaultTable}{partition[^2..]}").UpsertEntityAsync(new TableEntity(partition, BatchedTableGrainStorage.RowOf(grainId))
                {
                    ["Data"] = new TwinStorageSerializer().Serialize<StationState>(row).ToArray(),
                });
            }

            newerVersion = versions[newerRow] + 5;
        }

        await using var second = Host(flushInterval: "00:10:00", serviceId);
        var reader = await second.ReadyClientAsync();
        var catalog = (await reader.Features("?kind=station")).ToDictionary(s => s.Id(), s => s.Version());
        Assert.Equal(newerVersion, catalog[newerRow]);
        Assert.Equal(packedVersion, catalog[olderRow]);
        var newer = await reader.Twin(newerRow);
        Assert.Equal(newerVersion, newer.Version());
        Assert.Equal(105, newer["properties"]!["latest"]!["values"]!["pm25"]!.GetValue<double>());
        var older = await reader.Twin(olderRow);
        Assert.Equal(packedVersion, older.Version());
        Assert.Equal(1, older["properties"]!["latest"]!["values"]!["pm25"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_graceful_silo_stop_writes_every_acknowledged_reading()
    {
        var serviceId = $"w{Guid.NewGuid():N}"[..20];
        string stationId, plantId;
        long stationVersion, plantVersion;
        await using (var first = Host(flushInterval: "00:10:00", serviceId))
        {
            var client = await first.ReadyClientAsync();
            using var device = await first.KeyClientAsync();
            stationId = (await client.Features("?kind=station")).First().Id();
            plantId = (await client.Features("?kind=plant")).First(p => p.Prop("status") == "Operating").Id();
            var at = DateTimeOffset.UtcNow.AddMinutes(-5);
            var (status, answer) = await device.Post("/api/ingest", $$$"""
                {"readings": [
                  {"twinId": "{{{stationId}}}", "at": "{{{at:O}}}", "values": {"pm25": 41}},
                  {"twinId": "{{{plantId}}}", "at": "{{{at:O}}}", "values": {"inflow": 6321, "cod": 21, "ammonia": 1.1, "totalPhosphorus": 0.2, "ph": 7.1}}
                ]}
                """);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(2, answer["accepted"]!.GetValue<int>());
            Assert.False(answer["durable"]!.GetValue<bool>());
            stationVersion = answer["results"]![0]!["version"]!.GetValue<long>();
            plantVersion = answer["results"]![1]!["version"]!.GetValue<long>();
            // The 10-minute flush timer has not written them: only the stop can.
            Assert.Empty(await StoredRows(serviceId, stationId, plantId));
        }

        await using var second = Host(flushInterval: "00:10:00", serviceId);
        var again = await second.ReadyClientAsync();
        var station = await again.Twin(stationId);
        var plant = await again.Twin(plantId);
        Assert.Equal(stationVersion, station.Version());
        Assert.Equal(41, station["properties"]!["latest"]!["values"]!["pm25"]!.GetValue<double>());
        Assert.Equal(plantVersion, plant.Version());
        Assert.Equal(6321, plant["properties"]!["latest"]!["inflow"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_durable_ingest_is_in_storage_when_it_is_answered()
    {
        var serviceId = $"w{Guid.NewGuid():N}"[..20];
        await using var host = Host(flushInterval: "00:10:00", serviceId);
        var client = await host.ReadyClientAsync();
        using var device = await host.KeyClientAsync();
        var stationId = (await client.Features("?kind=station")).First().Id();

        var (status, answer) = await device.Post("/api/ingest?durable=true", Batch([(stationId, DateTimeOffset.UtcNow.AddMinutes(-1), 77)]));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(answer["durable"]!.GetValue<bool>());
        Assert.Equal(0, answer["flushWithinMs"]!.GetValue<long>());
        // In the station's own row (written through), as the paged snapshot query reads it.
        var snapshot = new TableTwinSnapshot(new TableServiceClient(_azurite.ConnectionString), serviceId, NullLogger<TableTwinSnapshot>.Instance);
        var stored = (StationState)(await snapshot.ReadAsync())[stationId];
        Assert.Equal(answer["results"]![0]!["version"]!.GetValue<long>(), stored.Version);
        Assert.Equal(77, stored.Latest!.Values["pm25"]);
    }

    [Fact]
    public async Task A_row_an_earlier_version_wrote_to_the_single_readings_table_is_read_back_by_the_grain_and_the_catalog()
    {
        var serviceId = $"w{Guid.NewGuid():N}"[..20];
        string stationId;
        long version;
        await using (var first = Host(flushInterval: "00:10:00", serviceId))
        {
            var client = await first.ReadyClientAsync();
            var station = (await client.Features("?kind=station")).First();
            (stationId, version) = (station.Id(), station.Version());
            var grainId = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IStationGrain>(stationId).GetGrainId();
            var store = (BatchedTableGrainStorage)first.Services.GetRequiredKeyedService<IGrainStorage>(TwinStorage.Readings);
            var state = (StationState)(await first.Services.GetRequiredService<IGrainFactory>().GetGrain<IStationGrain>(stationId).GetState())!;
            var newer = state with
            {
                Version = version + 5,
                Latest = new StationReading { At = DateTimeOffset.UtcNow.AddMinutes(-1), Values = new Dictionary<string, double> { ["pm25"] = 123 } },
            };

            // As the single-table store wrote it: same keys, the table named after the store.
            var legacy = new TableClient(_azurite.ConnectionString, BatchedTableGrainStorage.DefaultTable);
            await legacy.CreateIfNotExistsAsync();
            await legacy.UpsertEntityAsync(new TableEntity(store.PartitionOf(grainId), BatchedTableGrainStorage.RowOf(grainId))
            {
                ["Data"] = new TwinStorageSerializer().Serialize<StationState>(newer).ToArray(),
            });
        }

        await using var second = Host(flushInterval: "00:10:00", serviceId);
        var reader = await second.ReadyClientAsync();
        var inCatalog = (await reader.Features("?kind=station")).Single(s => s.Id() == stationId);
        Assert.Equal(version + 5, inCatalog.Version());
        var fromGrain = await reader.Twin(stationId);
        Assert.Equal(version + 5, fromGrain.Version());
        Assert.Equal(123, fromGrain["properties"]!["latest"]!["values"]!["pm25"]!.GetValue<double>());
    }

    [Fact]
    public async Task An_overloaded_ingest_answers_503_with_Retry_After_and_applies_nothing()
    {
        await using var host = Host(flushInterval: "00:00:01");
        host.Settings["Twin:Ingest:MaxReadingsInFlight"] = "10";
        var client = await host.ReadyClientAsync();
        using var device = await host.KeyClientAsync();
        var station = (await client.Features("?kind=station")).First();
        var gate = host.Services.GetRequiredService<IngestGate>();
        Assert.Equal(10, gate.Limit);
        // Other senders' readings being applied: 8 of the 10.
        Assert.True(gate.TryEnter(8));
        var body = Batch(Enumerable.Range(0, 3).Select(i => (station.Id(), DateTimeOffset.UtcNow.AddMinutes(-3).AddSeconds(i), (double)i)));

        using (var content = new StringContent(body, Encoding.UTF8, "application/json"))
        using (var response = await device.PostAsync(new Uri("/api/ingest", UriKind.Relative), content))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            Assert.Equal(503, problem["status"]!.GetValue<int>());
        }

        Assert.Equal(station.Version(), (await client.Twin(station.Id())).Version());
        gate.Exit(8);
        var (status, answer) = await device.Post("/api/ingest", body);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, answer["accepted"]!.GetValue<int>());
        Assert.Equal(0, gate.InFlight);
    }

    private TwinHost Host(string flushInterval, string? serviceId = null)
    {
        var host = new TwinHost(_azurite.ConnectionString, serviceId ?? $"w{Guid.NewGuid():N}"[..20]);
        host.Settings["Twin:WriteBehind:FlushInterval"] = flushInterval;
        return host;
    }

    /// <summary>Sends <paramref name="rounds"/> readings to each station (pm25 = the round), answering each twin's last version.</summary>
    private static async Task<Dictionary<string, long>> IngestRounds(HttpClient device, List<string> stations, int rounds)
    {
        var versions = new Dictionary<string, long>();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        for (var round = 0; round < rounds; round++)
        {
            var (status, answer) = await device.Post("/api/ingest", Batch(stations.Select(id => (id, start.AddSeconds(round), (double)round))));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(stations.Count, answer["accepted"]!.GetValue<int>());
            foreach (var result in answer["results"]!.AsArray())
            {
                versions[result!["twinId"]!.GetValue<string>()] = result["version"]!.GetValue<long>();
            }
        }

        return versions;
    }

    /// <summary>The stations whose states share one bucket entity (the most of any bucket).</summary>
    private static async Task<List<string>> SharingOneBucket(TwinHost host, HttpClient client)
    {
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var store = (BatchedTableGrainStorage)host.Services.GetRequiredKeyedService<IGrainStorage>(TwinStorage.Readings);
        var sharing = (await client.Features("?kind=station")).Select(s => s.Id())
            .GroupBy(id => Bucket(store, grains.GetGrain<IStationGrain>(id).GetGrainId()))
            .MaxBy(g => g.Count())!
            .ToList();
        Assert.True(sharing.Count >= 2, "the seed has no two stations in one bucket");
        return sharing;
    }

    /// <summary>The partition and bucket entity that hold a grain's state when it is packed.</summary>
    private static (string Partition, string Row) Bucket(BatchedTableGrainStorage store, GrainId grainId) =>
        (store.PartitionOf(grainId), BatchedTableGrainStorage.PackedOf(grainId).Row);

    /// <summary>Every entity of one readings partition (its shard's table).</summary>
    private async Task<List<TableEntity>> ReadingsEntities(string partition)
    {
        var table = new TableClient(_azurite.ConnectionString, $"{BatchedTableGrainStorage.DefaultTable}{partition[^2..]}");
        var entities = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition))
        {
            entities.Add(row);
        }

        return entities;
    }

    private static string Batch(IEnumerable<(string TwinId, DateTimeOffset At, double Pm25)> readings) =>
        new JsonObject
        {
            ["readings"] = new JsonArray([.. readings.Select(r => new JsonObject
            {
                ["twinId"] = r.TwinId,
                ["at"] = r.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["values"] = new JsonObject { ["pm25"] = r.Pm25 },
            })]),
        }.ToJsonString();

    /// <summary>The stored states of these twins in this service's partitions of every readings table (packed or in rows of their own).</summary>
    private async Task<List<TwinState>> StoredRows(string serviceId, params string[] twinIds)
    {
        var found = new List<TwinState>();
        foreach (var name in BatchedTableGrainStorage.TablesOf())
        {
            var table = new TableClient(_azurite.ConnectionString, name);
            await table.CreateIfNotExistsAsync();
            await foreach (var row in table.QueryAsync<TableEntity>(maxPerPage: 1_000))
            {
                if (row.PartitionKey.StartsWith(serviceId + "-", StringComparison.Ordinal))
                {
                    found.AddRange(BatchedTableGrainStorage.ReadAll(row).Select(TableTwinSnapshot.Decode).OfType<TwinState>().Where(s => twinIds.Contains(s.Id)));
                }
            }
        }

        return found;
    }

    private async Task<Dictionary<string, StationState>> WaitForRows(string serviceId, List<string> stations, Dictionary<string, long> versions)
    {
        for (var attempt = 0; ; attempt++)
        {
            var rows = new Dictionary<string, StationState>();
            foreach (var id in stations)
            {
                var stored = (await StoredRows(serviceId, id)).OfType<StationState>().Where(s => s.Version == versions[id]).ToList();
                if (stored.Count > 0)
                {
                    rows[id] = stored[0];
                }
            }

            if (rows.Count == stations.Count)
            {
                return rows;
            }

            Assert.True(attempt < 50, $"only {rows.Count} of {stations.Count} rows reached the latest version within 5 s of the flush");
            await Task.Delay(100);
        }
    }
}
