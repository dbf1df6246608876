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
    private SpatialIndex<TwinState>? _index;

    /// <summary>True once the whole park is loaded and indexed.</summary>
    public bool IsReady { get; private set; }

    public MetricProjection? Projection { get; private set; }

    public int Count => _twins.Count;

    public IEnumerable<TwinState> All => _twins.Values;

    public TwinState? Find(string id) => _twins.GetValueOrDefault(id);

    /// <summary>Takes a twin's state unless a newer version is held already; returns whether it was newer.</summary>
    public bool Apply(TwinState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            if (_twins.TryGetValue(state.Id, out var held) && held.Version >= state.Version)
            {
                return false;
            }

            _twins[state.Id] = state;
            // Re-index only when the geometry moved (readings never move it): the index's entry
            // keeps the geometry, and queries take the state from here (Latest).
            if (_index is not null && state.Geometry is not null && state is not ParkState
                && !(held?.Geometry is { } before && (ReferenceEquals(before, state.Geometry) || before.EqualsExact(state.Geometry))))
            {
                _index.Upsert(state.Id, state.Geometry, state);
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
            _index = new SpatialIndex<TwinState>(Projection);
            foreach (var twin in _twins.Values)
            {
                if (twin.Geometry is not null && twin is not ParkState)
                {
                    _index.Upsert(twin.Id, twin.Geometry, twin);
                }
            }

            IsReady = true;
        }
    }

    /// <summary>The latest state of a spatial query's hit (its entry is re-indexed only when its geometry changes).</summary>
    public TwinState Latest(SpatialEntry<TwinState> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _twins.GetValueOrDefault(entry.Id) ?? entry.Value;
    }

    public SpatialIndex<TwinState> Index => _index ?? throw new InvalidOperationException("the catalog is still loading");

    public IEnumerable<TwinState> MembersOf(string zoneId) => _twins.Values.Where(t => t.ZoneId == zoneId);

    public IEnumerable<PlantState> PlantsServing(string zoneId) =>
        _twins.Values.OfType<PlantState>().Where(p => p.ZonesServed.Contains(zoneId));

    public void Dispose() => _index?.Dispose();
}
