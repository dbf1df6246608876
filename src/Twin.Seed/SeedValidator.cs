using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Twin.Contracts.Rules;
using Twin.Spatial;

namespace Twin.Seed;

/// <summary>
/// Checks a whole seed before anything is applied: valid geometry of the right type inside the
/// park, known parents, known enum values, no duplicate ids, tenant links both ways, and the
/// same rules the grains enforce on commands.
/// </summary>
public static class SeedValidator
{
    public static IReadOnlyList<SeedError> Validate(IReadOnlyList<TwinState> twins)
    {
        ArgumentNullException.ThrowIfNull(twins);
        var errors = new List<SeedError>();
        var byId = new Dictionary<string, TwinState>(StringComparer.Ordinal);
        foreach (var twin in twins)
        {
            if (!byId.TryAdd(twin.Id, twin))
            {
                errors.Add(new SeedError(twin.Id, "duplicate id"));
            }
        }

        var parks = twins.OfType<ParkState>().ToList();
        if (parks.Count != 1 || parks[0].Id != TwinIds.Park)
        {
            errors.Add(new SeedError("(file)", $"exactly one park, with id '{TwinIds.Park}', is required"));
        }

        var outline = parks.FirstOrDefault()?.Geometry is { IsValid: true } g ? PreparedGeometryFactory.Prepare(g) : null;
        foreach (var twin in twins)
        {
            void Error(string reason) => errors.Add(new SeedError(twin.Id, reason));

            if (string.IsNullOrWhiteSpace(twin.Name))
            {
                Error("name is missing");
            }

            if (GeometryValidator.Check(twin.Geometry, AllowedGeometry(twin.Kind)) is { } geometryError)
            {
                Error(geometryError);
            }
            else if (outline is not null && twin is not ParkState && !outline.Covers(twin.Geometry))
            {
                Error("geometry lies outside the park outline");
            }

            if (twin is not ParkState and not ZoneState)
            {
                CheckZone(twin.ZoneId, "zoneId", byId, Error);
            }

            foreach (var reason in CheckKind(twin, byId))
            {
                Error(reason);
            }
        }

        return errors;
    }

    private static string[] AllowedGeometry(TwinKind kind) => kind switch
    {
        TwinKind.Park or TwinKind.Zone => ["Polygon", "MultiPolygon"],
        TwinKind.Building or TwinKind.Plant => ["Polygon"],
        TwinKind.Enterprise or TwinKind.Facility => ["Polygon", "MultiPolygon", "Point"],
        TwinKind.Network => ["LineString", "MultiLineString"],
        TwinKind.Station => ["Point"],
        _ => [],
    };

    private static void CheckZone(string? zoneId, string field, Dictionary<string, TwinState> byId, Action<string> error)
    {
        if (zoneId is null)
        {
            error($"{field} is missing");
        }
        else if (!byId.TryGetValue(zoneId, out var zone) || zone is not ZoneState)
        {
            error($"{field} '{zoneId}' is not a zone in the file");
        }
    }

    private static IEnumerable<string> CheckKind(TwinState twin, Dictionary<string, TwinState> byId)
    {
        switch (twin)
        {
            case ZoneState zone when !Enum.IsDefined(zone.Industry):
                yield return $"unknown industry {zone.Industry}";
                break;
            case BuildingState building:
                foreach (var reason in CheckBuilding(building, byId))
                {
                    yield return reason;
                }

                break;
            case EnterpriseState enterprise:
                foreach (var reason in CheckEnterprise(enterprise, byId))
                {
                    yield return reason;
                }

                break;
            case PlantState plant:
                foreach (var reason in CheckPlant(plant, byId))
                {
                    yield return reason;
                }

                break;
            case NetworkSegmentState segment when !Enum.IsDefined(segment.Status) || !Enum.IsDefined(segment.Network):
                yield return "unknown network type or status";
                break;
            case StationState station when !Enum.IsDefined(station.Station):
                yield return $"unknown station type {station.Station}";
                break;
            case FacilityState facility when !Enum.IsDefined(facility.Stage) || !Enum.IsDefined(facility.Facility):
                yield return "unknown facility type or stage";
                break;
        }
    }

    private static IEnumerable<string> CheckBuilding(BuildingState building, Dictionary<string, TwinState> byId)
    {
        if (!Enum.IsDefined(building.Use))
        {
            yield return $"unknown use {building.Use}";
        }

        if (BuildingRules.CheckConsistent(building.FloorsPlanned, building.FloorsBuilt, building.Stage) is { } v)
        {
            yield return $"{v.Field}: {v.Error}";
        }

        if (building.FloorArea < 0)
        {
            yield return "floorArea cannot be negative";
        }

        if (building.TenantId is { } tenantId)
        {
            if (!byId.TryGetValue(tenantId, out var tenant) || tenant is not EnterpriseState enterprise)
            {
                yield return $"tenantId '{tenantId}' is not an enterprise in the file";
            }
            else if (!enterprise.BuildingIds.Contains(building.Id))
            {
                yield return $"tenant '{tenantId}' does not list this building in its buildingIds";
            }
        }
    }

    private static IEnumerable<string> CheckEnterprise(EnterpriseState enterprise, Dictionary<string, TwinState> byId)
    {
        if (!Enum.IsDefined(enterprise.Status) || !Enum.IsDefined(enterprise.Industry))
        {
            yield return "unknown status or industry";
        }

        if (enterprise.HazardClass is < 0 or > 3)
        {
            yield return "hazardClass is 0 to 3";
        }

        if (enterprise.Discharge < 0)
        {
            yield return "discharge cannot be negative";
        }

        foreach (var buildingId in enterprise.BuildingIds)
        {
            if (!byId.TryGetValue(buildingId, out var b) || b is not BuildingState building)
            {
                yield return $"buildingIds: '{buildingId}' is not a building in the file";
                continue;
            }

            if (!building.Tenants.Contains(enterprise.Id))
            {
                yield return $"buildingIds: building '{buildingId}' has tenant '{building.TenantId}', not this enterprise";
            }

            if (enterprise.Status == EnterpriseStatus.InProduction && building.Stage != ConstructionStage.Completed)
            {
                yield return $"an enterprise in production occupies building '{buildingId}', which is {building.Stage}, not Completed";
            }
        }

        var months = new HashSet<string>(StringComparer.Ordinal);
        foreach (var figures in enterprise.Figures)
        {
            if (EnterpriseRules.CheckFigures(figures) is { } v)
            {
                yield return $"figures.{v.Field}: {v.Error}";
            }
            else if (!months.Add(figures.Month))
            {
                yield return $"figures: month {figures.Month} appears twice";
            }
        }
    }

    private static IEnumerable<string> CheckPlant(PlantState plant, Dictionary<string, TwinState> byId)
    {
        if (!Enum.IsDefined(plant.Status))
        {
            yield return $"unknown status {plant.Status}";
        }

        if (plant.Capacity < 0)
        {
            yield return "capacity cannot be negative";
        }

        foreach (var zoneId in plant.ZonesServed)
        {
            if (!byId.TryGetValue(zoneId, out var zone) || zone is not ZoneState)
            {
                yield return $"zonesServed: '{zoneId}' is not a zone in the file";
            }
        }

        if (plant.Latest is { } latest && PlantRules.CheckReading(latest, null) is { } v)
        {
            yield return $"latest.{v.Field}: {v.Error}";
        }
    }
}
