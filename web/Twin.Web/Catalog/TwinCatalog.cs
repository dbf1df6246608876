using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using Twin.Spatial;
using Twin.Spatial.Indexing;

namespace Twin.Web.Catalog;

/// <summary>
/// This process's read model of the whole park: the latest state of every twin, and a spatial
/// index of their geometry, kept current from the change stream. Reads for lists and spatial
/// queries come from here; commands and single-twin reads go to the grains.
/// </summary>
public sealed class TwinCatalog : IDisposable
{
    private readonly ConcurrentDictionary<string, TwinState> _twins = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private SpatialIndex<TwinKind>? _index;

    /// <summary>True once the whole park is loaded and indexed.</summary>
    public bool IsReady { get; private set; }

    public MetricProjection? Projection { get; private set; }

    public int Count => _twins.Count;

    public IEnumerable<TwinState> All => _twins.Values;

    public TwinState? Find(string id) => _twins.GetValueOrDefault(id);

    /// <summary>Takes a twin's state unless a newer version is held already; returns whether it was newer.</summary>
    /// <param name="state">The twin's state.</param>
    /// <param name="grainsOwn">
    /// Whether <paramref name="state"/> is the committing grain's own object (a change of this silo,
    /// handed over in process), rather than a copy deserialized from storage or the stream.
    /// </param>
    public bool Apply(TwinState state, bool grainsOwn = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            if (_twins.TryGetValue(state.Id, out var held) && held.Version >= state.Version)
            {
                return false;
            }

            // One geometry object per twin, the one indexed. Readings never move a twin, and the
            // states that follow one another share their geometry, but a copy from the stream
            // comes with geometry of its own: it takes the held one. A grain's own state keeps
            // its geometry (the grain holds it anyway), which is indexed below instead of the held copy.
            var before = held?.Geometry;
            var same = before is not null && state.Geometry is not null
                && (ReferenceEquals(before, state.Geometry) || before.EqualsExact(state.Geometry));
            if (same && !grainsOwn && !ReferenceEquals(before, state.Geometry))
            {
                state = state with { Geometry = before };
            }

            _twins[state.Id] = state;
            if (_index is not null && state.Geometry is not null && state is not ParkState && !ReferenceEquals(before, state.Geometry))
            {
                _index.Upsert(state.Id, state.Geometry, state.Kind);
            }

            return true;
        }
    }

    /// <summary>Builds the spatial index over what is loaded, in the park's projection, and opens for reads.</summary>
    public void CompleteLoad(Envelope parkExtent)
    {
        lock (_gate)
        {
            Projection = MetricProjection.ForPark(parkExtent);
            _index = new SpatialIndex<TwinKind>(Projection);
            foreach (var twin in _twins.Values)
            {
                if (twin.Geometry is not null && twin is not ParkState)
                {
                    _index.Upsert(twin.Id, twin.Geometry, twin.Kind);
                }
            }

            IsReady = true;
        }
    }

    /// <summary>
    /// The latest state of a spatial query's hit. The index holds each twin's geometry and kind
    /// only (a state held there would be kept alive after the twin moved on): the state is the catalog's.
    /// </summary>
    public TwinState Latest(SpatialEntry<TwinKind> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _twins.TryGetValue(entry.Id, out var state)
            ? state
            : throw new InvalidOperationException($"'{entry.Id}' is indexed but not in the catalog");
    }

    public SpatialIndex<TwinKind> Index => _index ?? throw new InvalidOperationException("the catalog is still loading");

    public IEnumerable<TwinState> MembersOf(string zoneId) => _twins.Values.Where(t => t.ZoneId == zoneId);

    public IEnumerable<PlantState> PlantsServing(string zoneId) =>
        _twins.Values.OfType<PlantState>().Where(p => p.ZonesServed.Contains(zoneId));

    public void Dispose() => _index?.Dispose();
}
