using System.Globalization;
using System.Text;

namespace Twin.WallSoak;

public sealed record SoakSample(TimeSpan At, long ReadingsSent, double HeapMiB, int DomNodes, int AttachedElements, int Listeners, int TickerEntries)
{
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"| {At:mm\\:ss} | {ReadingsSent,9} | {HeapMiB,8:F1} | {DomNodes,9} | {AttachedElements,8} | {Listeners,9} | {TickerEntries,6} |");
}

/// <summary>
/// The samples and the verdict: after the first third (warm-up: every chart drawn, the ticker full),
/// the JS heap must not grow by more than 20 % and the DOM by more than 10 %, no script error, still live.
/// </summary>
public sealed record SoakReport(SoakOptions Options, IReadOnlyList<SoakSample> Samples, int ScriptErrors, bool StillLive)
{
    private SoakSample Warm => Samples[Math.Min(Samples.Count - 1, Samples.Count / 3)];

    private SoakSample Last => Samples[^1];

    public double HeapGrowth => (Last.HeapMiB - Warm.HeapMiB) / Warm.HeapMiB;

    public double DomGrowth => (Last.DomNodes - Warm.DomNodes) / (double)Warm.DomNodes;

    public bool Passed => Samples.Count >= 3 && HeapGrowth <= 0.20 && DomGrowth <= 0.10 && ScriptErrors == 0 && StillLive;

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Wall soak: {Options.Minutes:0.#} min, readings offered at {Options.Rate}/s plus the simulated feed, one wall at 1920x1080");
        text.AppendLine();
        text.AppendLine("| time | readings | heap MiB | DOM nodes | elements | listeners | ticker |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var sample in Samples)
        {
            text.AppendLine(sample.Line());
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Heap after warm-up {Warm.HeapMiB:F1} → {Last.HeapMiB:F1} MiB ({HeapGrowth:+0.0%;-0.0%}); DOM nodes {Warm.DomNodes} → {Last.DomNodes} ({DomGrowth:+0.0%;-0.0%}); script errors {ScriptErrors}; hub connected at the end: {StillLive}.");
        text.AppendLine(Passed ? "PASSED" : "FAILED (heap growth > 20 %, DOM growth > 10 %, a script error, or the hub not connected)");
        return text.ToString();
    }
}
