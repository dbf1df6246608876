namespace Twin.Planning.Scenarios;

/// <summary>Takes the live facts a scenario needs from the twins' current states.</summary>
public static class Snapshots
{
    public static LiveSnapshot Take(IEnumerable<TwinState> twins, double centreLon, double centreLat, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(twins);
        var all = twins.ToList();
        var enterprises = all.OfType<EnterpriseState>().ToDictionary(e => e.Id, StringComparer.Ordinal);
        var buildings = all.OfType<BuildingState>().Where(b => b.Geometry is not null).OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        return new LiveSnapshot
        {
            TakenAt = now,
            CentreLon = centreLon,
            CentreLat = centreLat,
            Zones = [.. all.OfType<ZoneState>().OrderBy(z => z.Id, StringComparer.Ordinal)
                .Select(z => new SnapshotZone(z.Id, z.Name, z.NameEn, z.Industry))],
            VacantBuildings = [.. buildings.Where(b => b.TenantId is null && b.ZoneId is not null)
                .Select(b => new SnapshotBuilding(b.Id, b.Name, b.ZoneId!, b.Version, b.Stage, b.FloorArea, b.FloorsPlanned, b.AllowsSplit, b.ExpectedCompletion, b.Geometry!))],
            Hazards = [.. buildings
                .Select(b => (Building: b, Class: b.Tenants.Select(t => enterprises.GetValueOrDefault(t)?.HazardClass ?? 0).DefaultIfEmpty(0).Max(),
                    Tenant: b.Tenants.OrderByDescending(t => enterprises.GetValueOrDefault(t)?.HazardClass ?? 0).FirstOrDefault()))
                .Where(h => h.Class > 0 && h.Tenant is not null)
                .Select(h => new SnapshotHazard(h.Building.Id, h.Tenant!, h.Class, h.Building.Geometry!))],
            Plants = [.. all.OfType<PlantState>().OrderBy(p => p.Id, StringComparer.Ordinal)
                .Select(p => new SnapshotPlant(p.Id, p.Name, p.Version, p.Status, p.Capacity, p.Latest?.Inflow ?? 0, p.ZonesServed))],
            SignedEnterprises = [.. enterprises.Values.Where(e => e.Status == EnterpriseStatus.Signed && e.BuildingIds.Count == 0)
                .OrderBy(e => e.Id, StringComparer.Ordinal)
                .Select(e => new SnapshotEnterprise(e.Id, e.Name, e.Version, e.Industry, e.Discharge, e.HazardClass))],
        };
    }
}
