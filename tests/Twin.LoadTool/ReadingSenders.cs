using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace Twin.LoadTool;

/// <summary>
/// Sends readings through <c>POST /api/ingest</c> at a target rate from K concurrent senders, each
/// owning every K-th twin (so one twin's readings are never in two requests at once and stay in
/// order), in batches of at most B. A sender that falls behind sends back to back: the accepted
/// rate then is what the server sustains. Sends what falls due in the given time: a sender on
/// schedule sends exactly rate × time readings, one behind stops when the time is up.
/// </summary>
internal sealed class ReadingSenders(HttpClient http, IReadOnlyList<LoadTarget> targets, LoadOptions options)
{
    private long _sent;
    private long _accepted;
    private long _requests;
    private readonly Dictionary<string, long> _rejected = new(StringComparer.Ordinal);

    public long Sent => Interlocked.Read(ref _sent);

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Requests => Interlocked.Read(ref _requests);

    public IReadOnlyDictionary<string, long> Rejected => _rejected;

    /// <summary>The <c>at</c> of each twin's last accepted reading (ms since the epoch).</summary>
    public Dictionary<string, long> LastAccepted { get; } = new(StringComparer.Ordinal);

    public async Task RunAsync(TimeSpan duration)
    {
        var senders = Math.Min(options.Senders, targets.Count);
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, senders).Select(k =>
            Task.Run(() => SendAsync(k, [.. targets.Where((_, i) => i % senders == k)], options.Rate / (double)senders, clock, duration))));
        foreach (var (lastAccepted, rejected) in results)
        {
            foreach (var (id, at) in lastAccepted)
            {
                LastAccepted[id] = at;
            }

            foreach (var (status, count) in rejected)
            {
                _rejected[status] = _rejected.GetValueOrDefault(status) + count;
            }
        }
    }

    private async Task<(Dictionary<string, long>, Dictionary<string, long>)> SendAsync(int k, LoadTarget[] mine, double rate, Stopwatch clock, TimeSpan duration)
    {
        var random = new Random(7 + k);
        var lastAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var lastAccepted = new Dictionary<string, long>(StringComparer.Ordinal);
        var rejected = new Dictionary<string, long>(StringComparer.Ordinal);
        long sent = 0;
        var ids = new string[options.Batch];
        var ats = new long[options.Batch];
        while (true)
        {
            // Readings fall due through the window; once it has closed, a sender on schedule still
            // sends the last ones due before the close (at most one batch, which its wait between
            // batches left), and one behind by more stops: what it did not send counts against the rate.
            var elapsed = clock.Elapsed;
            var due = (long)(Math.Min(elapsed.TotalSeconds, duration.TotalSeconds) * rate) - sent;
            if (elapsed >= duration && (due <= 0 || due > options.Batch))
            {
                break;
            }

            if (due <= 0)
            {
                await Task.Delay(2);
                continue;
            }

            var count = (int)Math.Min(due, options.Batch);
            var body = new StringBuilder("{\"readings\":[", 64 + (count * 160));
            for (var i = 0; i < count; i++)
            {
                var target = mine[random.Next(mine.Length)];
                var now = DateTimeOffset.UtcNow;
                var at = lastAt.TryGetValue(target.Id, out var last) && last >= now ? last.AddTicks(10) : now;
                lastAt[target.Id] = at;
                ids[i] = target.Id;
                ats[i] = at.ToUnixTimeMilliseconds();
                var values = target.Kind == "plant"
                    ? $"{{\"inflow\":{random.Next(3000, 9000)},\"cod\":{random.Next(10, 45)},\"ammonia\":1.2,\"totalPhosphorus\":0.2,\"ph\":7.1}}"
                    : $"{{\"pm25\":{random.Next(10, 80)},\"aqi\":{random.Next(20, 120)}}}";
                body.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"twinId\":\"{target.Id}\",\"at\":\"{at:O}\",\"values\":{values}}}");
            }

            body.Append("]}");
            using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("/api/ingest", UriKind.Relative), content);
            Interlocked.Increment(ref _requests);
            sent += count;
            Interlocked.Add(ref _sent, count);
            if (!response.IsSuccessStatusCode)
            {
                rejected[$"http {(int)response.StatusCode}"] = rejected.GetValueOrDefault($"http {(int)response.StatusCode}") + count;
                // 503 is the ingest shedding load: wait as it says before sending again.
                if (response.Headers.RetryAfter?.Delta is { } wait)
                {
                    await Task.Delay(wait);
                }

                continue;
            }

            var answer = (await response.Content.ReadFromJsonAsync<IngestAnswer>())!;
            foreach (var (index, status) in answer.Results)
            {
                if (status == "accepted")
                {
                    lastAccepted[ids[index]] = ats[index];
                    Interlocked.Increment(ref _accepted);
                }
                else
                {
                    rejected[status] = rejected.GetValueOrDefault(status) + 1;
                }
            }
        }

        return (lastAccepted, rejected);
    }
}

/// <summary>What the load tool reads of an ingest answer: each reading's index and status (a typed read, no DOM).</summary>
internal sealed record IngestAnswer(IReadOnlyList<IngestAnswerItem> Results);

internal sealed record IngestAnswerItem(int Index, string Status);
