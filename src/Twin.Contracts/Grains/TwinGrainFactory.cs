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
            TwinKind.Park => grains.Get<IParkGrain>(id),
            TwinKind.Zone => grains.Get<IZoneGrain>(id),
            TwinKind.Building => grains.Get<IBuildingGrain>(id),
            TwinKind.Enterprise => grains.Get<IEnterpriseGrain>(id),
            TwinKind.Plant => grains.Get<IPlantGrain>(id),
            TwinKind.Network => grains.Get<INetworkSegmentGrain>(id),
            TwinKind.Station => grains.Get<IStationGrain>(id),
            TwinKind.Facility => grains.Get<IFacilityGrain>(id),
            _ => null,
        };
    }

    /// <summary>
    /// <c>GetGrain&lt;T&gt;(id)</c> without its cost per call: Orleans 10.4 works out the grain
    /// interface's identity by reflection on every <c>GetGrain&lt;T&gt;(key)</c> (a third of the CPU
    /// of a sensor reading in <c>Twin.Benchmarks --grains</c>); here it is worked out once per
    /// interface and each reference is made from the grain id.
    /// </summary>
    public static T Get<T>(this IGrainFactory grains, string id)
        where T : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        var (type, interfaceType) = Identity<T>.Of(grains);
        return (T)grains.GetGrain(GrainId.Create(type, id), interfaceType);
    }

    private static class Identity<T>
        where T : IGrainWithStringKey
    {
        private static (GrainType Type, GrainInterfaceType InterfaceType)? _value;

        public static (GrainType Type, GrainInterfaceType InterfaceType) Of(IGrainFactory grains)
        {
            if (_value is { } known)
            {
                return known;
            }

            var probe = (GrainReference)(object)grains.GetGrain<T>("identity");
            _value = (probe.GrainId.Type, probe.InterfaceType);
            return _value.Value;
        }
    }
}
