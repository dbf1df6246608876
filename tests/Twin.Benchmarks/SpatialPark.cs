using NetTopologySuite.Geometries;
using Twin.Seed;
using Twin.Spatial;
using Twin.Spatial.Indexing;

namespace Twin.Benchmarks;

/// <summary>
/// 100,000 standard-building footprints of a synthetic park (144 zones) in the catalog's
/// <see cref="SpatialIndex{T}"/>, and query centres taken from the footprints themselves, so every
/// query lands where buildings are dense (the worst case, and where users click).
/// </summary>
public sealed class SpatialPark
{
    public const int Buildings = 100_000;

    /// <summary>Half the side of the window query: a ~200 m box.</summary>
    public const double WindowHalfMetres = 100;

    public const double NearMetres = 500;

    private SpatialPark(SpatialIndex<TwinState> index, MetricProjection projection, Coordinate[] centres)
    {
        Index = index;
        Projection = projection;
        Centres = centres;
    }

    public SpatialIndex<TwinState> Index { get; }

    public MetricProjection Projection { get; }

    /// <summary>Centroids of 4,096 footprints picked at random (fixed seed).</summary>
    public Coordinate[] Centres { get; }

    public static SpatialPark Create()
    {
        var twins = SyntheticPark.Generate(new SyntheticParkOptions { Zones = 144, Buildings = Buildings, Enterprises = 2, Plants = 1, Stations = 1 });
        var park = twins.OfType<ParkState>().Single();
        var projection = MetricProjection.ForPark(park.Geometry!.EnvelopeInternal);
        var index = new SpatialIndex<TwinState>(projection);
        var buildings = twins.OfType<BuildingState>().ToList();
        foreach (var building in buildings)
        {
            index.Upsert(building.Id, building.Geometry!, building);
        }

        // As the catalog's index does in the background within a second of its load: one packed tree, nothing pending.
        index.Rebuild();

        var random = new Random(11);
        var centres = Enumerable.Range(0, 4_096).Select(_ => buildings[random.Next(buildings.Count)].Geometry!.Centroid.Coordinate).ToArray();
        return new SpatialPark(index, projection, centres);
    }

    /// <summary>A lon/lat box of ±<see cref="WindowHalfMetres"/> around <paramref name="centre"/>.</summary>
    public Envelope WindowAround(Coordinate centre) => Projection.EnvelopeAround(centre, WindowHalfMetres);
}
