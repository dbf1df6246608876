namespace Twin.Contracts.Grains;

/// <summary>A public facility (exhibition centre, platform).</summary>
[Alias("twin.IFacilityGrain")]
public interface IFacilityGrain : ITwinGrain;
