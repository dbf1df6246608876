using Twin.Planning.Allocation;

namespace Twin.Planning.Scenarios;

/// <summary>
/// Plant headroom as the optimiser counts it: a candidate's discharge counts against every plant
/// that serves its zone. A plant that does not treat water yet (under construction, planned)
/// counts only for zones no running plant serves, with no headroom: there, nothing that
/// discharges fits until it runs.
/// </summary>
public static class PlantLoads
{
    /// <summary>The plants that count, each with the zones it counts for.</summary>
    public static IReadOnlyList<(SnapshotPlant Plant, IReadOnlyList<string> Zones)> Relevant(IEnumerable<SnapshotPlant> plants)
    {
        ArgumentNullException.ThrowIfNull(plants);
        var list = plants.ToList();
        var served = list.Where(p => p.Running).SelectMany(p => p.ZonesServed).ToHashSet(StringComparer.Ordinal);
        return [.. list
            .Select(p => (Plant: p, Zones: (IReadOnlyList<string>)(p.Running ? [.. p.ZonesServed] : [.. p.ZonesServed.Where(z => !served.Contains(z))])))
            .Where(p => p.Zones.Count > 0)];
    }

    /// <summary>Headroom left in each plant that counts once <paramref name="added"/> discharges (zone, t/day) are placed.</summary>
    public static IReadOnlyList<PlantHeadroom> Headroom(IEnumerable<SnapshotPlant> plants, IEnumerable<(string ZoneId, decimal Discharge)> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        var load = added.GroupBy(a => a.ZoneId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(a => a.Discharge), StringComparer.Ordinal);
        return [.. Relevant(plants).Select(r => new PlantHeadroom(r.Plant.Id, r.Zones, r.Plant.Headroom - r.Zones.Sum(z => load.GetValueOrDefault(z))))];
    }
}
