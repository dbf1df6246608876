using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Quadtree;
using NetTopologySuite.Index.HPRtree;

namespace Twin.Benchmarks;

/// <summary>
/// Why the spatial queries cost what they cost: how many candidates the catalog's quadtree hands to
/// the exact predicate for each query, against a packed (Hilbert) R-tree over the same envelopes (what
/// the catalog's index now queries; this was the case for it), and each tree's query time alone.
/// </summary>
public static class IndexProbe
{
    public static void Run(SpatialPark park, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(park);
        ArgumentNullException.ThrowIfNull(output);
        var quadtree = new Quadtree<Envelope>();
        var packed = new HPRtree<Envelope>();
        foreach (var entry in park.Index.Window(new Envelope(-180, 180, -90, 90)))
        {
            quadtree.Insert(entry.Geometry.EnvelopeInternal, entry.Geometry.EnvelopeInternal);
            packed.Insert(entry.Geometry.EnvelopeInternal, entry.Geometry.EnvelopeInternal);
        }

        packed.Build();
        var shapes = new (string Name, Func<Coordinate, Envelope> Envelope)[]
        {
            ("At: the point", c => new Envelope(c)),
            ("Window: 200 m box", park.WindowAround),
            ("Near: the lon/lat box around 500 m", c => Twin.Spatial.MetricProjection.DegreeBoundsAround(c.X, c.Y, SpatialPark.NearMetres).Envelope),
        };
        output.WriteLine();
        output.WriteLine("| query envelope | truly intersecting | quadtree candidates | quadtree query | packed tree (HPRtree) candidates | packed tree query |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, shape) in shapes)
        {
            var envelopes = park.Centres.Select(shape).ToArray();
            long hits = 0, quadCandidates = 0, strCandidates = 0;
            foreach (var e in envelopes)
            {
                var q = quadtree.Query(e);
                quadCandidates += q.Count;
                hits += q.Count(c => c.Intersects(e));
                strCandidates += packed.Query(e).Count;
            }

            var quadTime = Time(envelopes, e => quadtree.Query(e).Count);
            var strTime = Time(envelopes, e => packed.Query(e).Count);
            var n = (double)envelopes.Length;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {hits / n:F1} | {quadCandidates / n:F1} | {quadTime:F1} µs | {strCandidates / n:F1} | {strTime:F1} µs |"));
        }
    }

    /// <summary>Mean µs per query over 3 passes of the envelopes.</summary>
    private static double Time(Envelope[] envelopes, Func<Envelope, int> query)
    {
        var sink = 0;
        var start = Stopwatch.GetTimestamp();
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var e in envelopes)
            {
                sink += query(e);
            }
        }

        GC.KeepAlive(sink);
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / (3.0 * envelopes.Length);
    }
}
