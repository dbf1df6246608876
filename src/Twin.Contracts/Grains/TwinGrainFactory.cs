namespace Twin.Contracts.Grains;

/// <summary>Finds the grain of a twin from its id, whatever its kind.</summary>
public static class TwinGrainFactory
{
    /// <summary>The twin grain for <paramref name="id"/>, or <c>null</c> when the id is not well formed.</summary>
    public static ITwinGrain? GetTwin(this IGrainFactory grains, string id)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (!TwinIds.TryGetKind(id, out var kind))
        {
            return null;
        }

        return kind switch
        {
            TwinKind.Park => grains.GetGrain<IParkGrain>(id),
            TwinKind.Zone => grains.GetGrain<IZoneGrain>(id),
            TwinKind.Building => grains.GetGrain<IBuildingGrain>(id),
            TwinKind.Enterprise => grains.GetGrain<IEnterpriseGrain>(id),
            TwinKind.Plant => grains.GetGrain<IPlantGrain>(id),
            TwinKind.Network => grains.GetGrain<INetworkSegmentGrain>(id),
            TwinKind.Station => grains.GetGrain<IStationGrain>(id),
            TwinKind.Facility => grains.GetGrain<IFacilityGrain>(id),
            _ => null,
        };
    }
}
