using Microsoft.Extensions.Options;

namespace Twin.Web.Api;

/// <summary>
/// Admission control of <c>POST /api/ingest</c>: at most <see cref="IngestOptions.MaxReadingsInFlight"/>
/// readings are being applied in this process at once. A batch that does not fit is refused
/// whole (503 with Retry-After) instead of queueing behind the others until requests time out;
/// a batch alone is always let in, however large, so a sender is never refused forever.
/// </summary>
public sealed class IngestGate(IOptions<IngestOptions> options)
{
    private long _inFlight;

    public int Limit { get; } = Math.Max(1, options?.Value.MaxReadingsInFlight ?? IngestOptions.DefaultMaxReadingsInFlight);

    /// <summary>Readings being applied now.</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    public bool TryEnter(int readings)
    {
        var after = Interlocked.Add(ref _inFlight, readings);
        if (after <= Limit || after == readings)
        {
            return true;
        }

        Interlocked.Add(ref _inFlight, -readings);
        return false;
    }

    public void Exit(int readings) => Interlocked.Add(ref _inFlight, -readings);
}

/// <summary>Settings of <c>POST /api/ingest</c> (section <c>Twin:Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Twin:Ingest";

    public const int DefaultMaxReadingsInFlight = 2_000;

    public int MaxReadingsInFlight { get; set; } = DefaultMaxReadingsInFlight;
}
