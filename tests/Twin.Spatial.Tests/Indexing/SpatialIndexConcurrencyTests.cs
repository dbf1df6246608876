using NetTopologySuite.Geometries;
using Twin.Spatial.Indexing;

namespace Twin.Spatial.Tests.Indexing;

/// <summary>
/// Readers on other threads while one writer moves, removes and re-adds entries, with the tree
/// rebuilt in the background every 32 writes: no query throws, a moved entry is seen exactly once
/// (at its old place or its new one, never at both or neither), a removed one at most once, and a
/// reader never goes back to an older version of an entry it has seen.
/// </summary>
public sealed class SpatialIndexConcurrencyTests
{
    private const int Movers = 200;
    private const int Blinkers = 100;
    private const int Writes = 30_000;

    /// <summary>Everything lies in this window, so a window query sees every live entry.</summary>
    private static readonly Envelope All = new(115.40, 115.60, 27.80, 28.00);

    [Fact]
    public async Task Readers_during_writes_never_throw_and_see_each_entry_either_old_or_new()
    {
        using var index = new SpatialIndex<int>(Park.Projection, rebuildAfter: 32);
        for (var i = 0; i < Movers; i++)
        {
            index.Upsert($"mover:{i}", Place(i, generation: 0), 0);
        }

        for (var i = 0; i < Blinkers; i++)
        {
            index.Upsert($"blinker:{i}", Place(Movers + i, generation: 0), 0);
        }

        using var done = new CancellationTokenSource();
        using var started = new CountdownEvent(3);
        var readers = Enumerable.Range(0, 3)
            .Select(r => Task.Factory.StartNew(() => Read(index, r, started, done.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        var writer = Task.Factory.StartNew(() =>
        {
            try
            {
                started.Wait();
                var random = new Random(7);
                var generations = new int[Movers];
                for (var w = 0; w < Writes; w++)
                {
                    if (w % 3 == 2)
                    {
                        var b = random.Next(Blinkers);
                        if (!index.Remove($"blinker:{b}"))
                        {
                            index.Upsert($"blinker:{b}", Place(Movers + b, generation: w), w);
                        }
                    }
                    else
                    {
                        var m = random.Next(Movers);
                        var g = ++generations[m];
                        index.Upsert($"mover:{m}", Place(m, g), g);
                    }
                }
            }
            finally
            {
                done.Cancel();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        await writer;
        var queries = await Task.WhenAll(readers);

        // The readers were started before the writer, and the writes are folded into trees rebuilt in the
        // background (on the thread pool: on a busy machine the first rebuild may only run once the writer is done).
        Assert.All(queries, q => Assert.True(q > 0));
        for (var waited = 0; index.PendingChanges >= Writes && waited < 30_000; waited += 50)
        {
            await Task.Delay(50);
        }

        Assert.True(index.PendingChanges < Writes, $"{index.PendingChanges} writes pending: no tree was rebuilt in the background");
        index.Rebuild();
        Assert.Equal(0, index.PendingChanges);
        Assert.Equal(Movers, index.Window(All).Count(e => e.Id.StartsWith("mover:", StringComparison.Ordinal)));
    }

    private static int Read(SpatialIndex<int> index, int reader, CountdownEvent started, CancellationToken done)
    {
        var lastSeen = new int[Movers];
        var random = new Random(reader);
        var queries = 0;
        started.Signal();
        do
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in index.Window(All))
            {
                seen[entry.Id] = seen.GetValueOrDefault(entry.Id) + 1;
                if (entry.Id.StartsWith("mover:", StringComparison.Ordinal))
                {
                    var m = int.Parse(entry.Id.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(entry.Value >= lastSeen[m], $"reader {reader} saw {entry.Id} go back from generation {lastSeen[m]} to {entry.Value}");
                    lastSeen[m] = entry.Value;
                }
            }

            for (var i = 0; i < Movers; i++)
            {
                Assert.Equal(1, seen.GetValueOrDefault($"mover:{i}"));
            }

            Assert.All(seen, s => Assert.Equal(1, s.Value));

            // The other queries must not throw either, and see an entry at most once.
            var m2 = random.Next(Movers);
            var at = Centre(m2, random.Next(2));
            Assert.InRange(index.At(at.X, at.Y).Count(e => e.Id == $"mover:{m2}"), 0, 1);
            var near = index.Near(at.X, at.Y, 500);
            Assert.Equal(near.Count, near.Select(n => n.Entry.Id).Distinct().Count());
            Assert.InRange(index.Count, Movers, Movers + Blinkers);
            queries++;
        }
        while (!done.IsCancellationRequested);

        return queries;
    }

    /// <summary>Entry <paramref name="i"/>'s two places: even generations on one row, odd ones on the next.</summary>
    private static Coordinate Centre(int i, int generation) =>
        new(115.45 + ((i % 50) * 0.002), 27.86 + ((i / 50) * 0.004) + ((generation & 1) * 0.002));

    private static Polygon Place(int i, int generation)
    {
        var c = Centre(i, generation);
        return TwinGeometry.Box(c.X - 0.0003, c.Y - 0.0003, c.X + 0.0003, c.Y + 0.0003);
    }
}
