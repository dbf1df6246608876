namespace Twin.Grains.Twins;

/// <summary>A public facility: the exhibition and trading centre, a service platform.</summary>
public sealed class FacilityGrain(
    [PersistentState("twin", TwinStorage.Twins)] IPersistentState<FacilityState> state)
    : TwinGrain<FacilityState>(state), IFacilityGrain;
