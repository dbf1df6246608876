using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;

namespace Twin.LoadTool;

/// <summary>
/// What the run cost the storage: Table requests counted in Azurite's <c>--debug</c> log between
/// two offsets, and durability lag, the time from a reading's <c>at</c> to its twin's last row
/// Timestamp in the <c>twins</c> or <c>readings</c> table (Azurite sets Timestamp when it stores the row).
/// </summary>
internal static partial class StorageProbe
{
    public static long LogOffset(string? path) => path is not null && File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>
    /// Sends a request Azurite logs and refuses (no credentials): its line in the debug log marks
    /// a moment in the log's own order. Azurite stamps its log lines when it writes them, which
    /// under load is long after the request came, so times cannot cut the log; markers can.
    /// </summary>
    public static async Task MarkAsync(HttpClient http, string connectionString, string marker)
    {
        var endpoint = connectionString.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "TableEndpoint")?[1]
            ?? throw new ArgumentException("the storage connection string has no TableEndpoint");
        using var response = await http.GetAsync(new Uri($"{endpoint.TrimEnd('/')}/Tables('{marker}')"));
    }

    /// <summary>Table requests logged between the two markers' lines: (all, writes, writes to the twins table).</summary>
    public static (long Requests, long Writes, long TwinWrites) CountRequests(string path, long from, string startMarker, string endMarker)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(from, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        long requests = 0, writes = 0, twinWrites = 0;
        var counting = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains(startMarker, StringComparison.Ordinal))
            {
                counting = true;
                continue;
            }

            if (line.Contains(endMarker, StringComparison.Ordinal))
            {
                break;
            }

            if (!counting)
            {
                continue;
            }

            var match = RequestLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            requests++;
            if (match.Groups["method"].Value != "GET")
            {
                writes++;
                if (match.Groups["url"].Value.Contains("/twins(", StringComparison.Ordinal))
                {
                    twinWrites++;
                }
            }
        }

        return (requests, writes, twinWrites);
    }

    /// <summary>
    /// Lag in ms of each twin in <paramref name="lastAccepted"/> whose row is found: its last
    /// write, to its own row in <c>twins</c>, to a write-behind row of its own in a <c>readings</c>
    /// table, or to its property of a write-behind bucket entity (<c>RowKey ~b…</c>). A bucket's
    /// Timestamp is that of its last merge, which may be later than a twin's own write: a packed
    /// twin's write is when the silo sent it (the stamp before its state) plus how long the
    /// bucket's last merge took from being sent to being stored (Timestamp − its newest stamp).
    /// </summary>
    public static async Task<List<long>> DurabilityLagAsync(string connectionString, IReadOnlyDictionary<string, long> lastAccepted)
    {
        var written = new Dictionary<string, long>(StringComparer.Ordinal);
        // The write-behind rows are in one table per shard (readings00 …), or in "readings" as earlier versions wrote them.
        var tables = new List<string> { "twins" };
        await foreach (var item in new TableServiceClient(connectionString).QueryAsync(maxPerPage: 1_000))
        {
            if (item.Name.StartsWith("readings", StringComparison.Ordinal))
            {
                tables.Add(item.Name);
            }
        }

        foreach (var name in tables)
        {
            var table = new TableClient(connectionString, name);
            try
            {
                await foreach (var row in table.QueryAsync<TableEntity>(maxPerPage: 1_000))
                {
                    if (row.RowKey.StartsWith("~b", StringComparison.Ordinal) && row.Timestamp is { } merged)
                    {
                        var packed = row.Where(p => p.Key.StartsWith("t_", StringComparison.Ordinal) && p.Value is byte[] { Length: > 8 })
                            .Select(p => (byte[])p.Value)
                            .Select(v => (Sent: BinaryPrimitives.ReadInt64LittleEndian(v), Id: StateId(v.AsSpan(8))))
                            .ToList();
                        var mergeTook = packed.Count == 0 ? 0 : Math.Max(0, merged.ToUnixTimeMilliseconds() - packed.Max(p => p.Sent));
                        foreach (var (sent, twin) in packed)
                        {
                            if (twin is not null && lastAccepted.ContainsKey(twin))
                            {
                                written[twin] = Math.Max(written.GetValueOrDefault(twin), sent + mergeTook);
                            }
                        }

                        continue;
                    }

                    var key = Uri.UnescapeDataString(row.PartitionKey + " " + row.RowKey);
                    var id = TwinId().Match(key);
                    if (id.Success && lastAccepted.ContainsKey(id.Value) && row.Timestamp is { } stamp)
                    {
                        written[id.Value] = Math.Max(written.GetValueOrDefault(id.Value), stamp.ToUnixTimeMilliseconds());
                    }
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // No readings table: nothing was written behind.
            }
        }

        return [.. written.Select(w => w.Value - lastAccepted[w.Key])];
    }

    /// <summary>The <c>id</c> of a stored state (JSON), or null.</summary>
    private static string? StateId(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("id"u8) && reader.Read())
            {
                return reader.GetString();
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= 1)
            {
                reader.Skip();
            }
        }

        return null;
    }

    [GeneratedRegex(@"RequestMethod=(?<method>[A-Z]+) RequestURL=(?<url>\S+)")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"(station|plant):[A-Za-z0-9\-]+")]
    private static partial Regex TwinId();
}
