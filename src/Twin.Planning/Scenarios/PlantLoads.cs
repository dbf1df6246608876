using Twin.Planning.Allocation;

namespace Twin.Planning.Scenarios;

/// <summary>Plant headroom after new discharge: each candidate's discharge goes to the serving plant with the most headroom left.</summary>
public static class PlantLoads
{
    public static IReadOnlyList<PlantHeadroom> Headroom(IEnumerable<SnapshotPlant> plants, IEnumerable<(string ZoneId, decimal Discharge)> added)
    {
        ArgumentNullException.ThrowIfNull(plants);
        ArgumentNullException.ThrowIfNull(added);
        var list = plants.ToList();
        var left = list.ToDictionary(p => p.Id, p => p.Headroom, StringComparer.Ordinal);
        foreach (var (zone, discharge) in added.OrderByDescending(a => a.Discharge))
        {
            var plant = list.Where(p => p.ZonesServed.Contains(zone)).OrderByDescending(p => left[p.Id]).FirstOrDefault();
            if (plant is not null)
            {
                left[plant.Id] -= discharge;
            }
        }

        return [.. list.Select(p => new PlantHeadroom(p.Id, p.ZonesServed, left[p.Id]))];
    }
}
