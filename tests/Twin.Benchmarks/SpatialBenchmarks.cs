using BenchmarkDotNet.Attributes;
using NetTopologySuite.Geometries;

namespace Twin.Benchmarks;

/// <summary>
/// The catalog's spatial queries on 100,000 footprints, each call at the next of 4,096 centres.
/// Targets (issue 7, p99): at ≤ 25 µs, 200 m window ≤ 50 µs, 500 m near ≤ 200 µs.
/// </summary>
[BenchmarkCategory("spatial")]
public class SpatialBenchmarks
{
    private SpatialPark _park = null!;
    private Envelope[] _windows = [];
    private Twin.Spatial.Indexing.SpatialEntry<TwinState>[] _entries = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _park = SpatialPark.Create();
        _windows = [.. _park.Centres.Select(_park.WindowAround)];
        _entries = [.. _park.Centres.Select(c => _park.Index.At(c.X, c.Y)[0])];
    }

    [Benchmark(Description = "At (point in footprint)")]
    public int At()
    {
        var c = _park.Centres[_next++ & 4_095];
        return _park.Index.At(c.X, c.Y).Count;
    }

    [Benchmark(Description = "Window (200 m box)")]
    public int Window() => _park.Index.Window(_windows[_next++ & 4_095]).Count;

    /// <summary>
    /// What <c>TwinCatalog.Apply</c> does when a twin's geometry changed: a new entry in the linear
    /// list, a tombstone on the old one, and every 256 writes a tree rebuilt on another thread.
    /// </summary>
    [Benchmark(Description = "Upsert (a footprint whose geometry changed)")]
    public void Upsert()
    {
        var entry = _entries[_next++ & 4_095];
        _park.Index.Upsert(entry.Id, entry.Geometry, entry.Value);
    }

    [Benchmark(Description = "Near (500 m)")]
    public int Near()
    {
        var c = _park.Centres[_next++ & 4_095];
        return _park.Index.Near(c.X, c.Y, SpatialPark.NearMetres).Count;
    }
}
