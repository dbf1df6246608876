namespace Twin.Contracts;

/// <summary>
/// How readings are written behind (configuration section <c>Twin:WriteBehind</c>). A reading is
/// acknowledged once applied and published; its twin writes its latest state to the
/// <see cref="TwinStorage.Readings"/> store at most every <see cref="FlushInterval"/> (so a hard
/// kill loses at most that much of readings, plus the store's own batching window), and on
/// deactivation, which a graceful silo stop runs for every grain. Business commands are always
/// written before they are acknowledged.
/// </summary>
public sealed class WriteBehindOptions
{
    public const string Section = "Twin:WriteBehind";

    /// <summary>How often a twin with unwritten readings writes its latest state.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the readings store gathers writes into one batch of table transactions.</summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How many twins one bucket entity of the readings store takes before the rest of its twins get
    /// rows of their own (an entity holds at most 252 properties). Lowering it only moves new twins
    /// to rows: a read takes the newer of a twin's property and its row.
    /// </summary>
    public int MaxTwinsPerBucket { get; set; } = 200;

    /// <summary>When an acknowledged reading is in storage at the latest, storage keeping up: what <c>POST /api/ingest</c> tells senders.</summary>
    public TimeSpan FlushDeadline => FlushInterval + BatchWindow;
}
