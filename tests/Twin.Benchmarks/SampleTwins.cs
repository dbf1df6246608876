using Twin.Seed;

namespace Twin.Benchmarks;

/// <summary>
/// Twins as they look under load, taken from the synthetic park-10k: a building, an enterprise in
/// production (10 months of figures), a plant with a full window of 48 recent readings, a station
/// with its latest reading; and each one's next state, as one command makes it.
/// </summary>
public static class SampleTwins
{
    private static readonly IReadOnlyList<TwinState> Park = SyntheticPark.Generate(SyntheticParkOptions.Park10k);

    public static BuildingState Building { get; } = (BuildingState)Park.First(t => t is BuildingState { Stage: ConstructionStage.Structure }) with { Version = 7, UpdatedAt = DateTimeOffset.UnixEpoch.AddYears(56) };

    public static BuildingState BuildingNext { get; } = Building with { FloorsBuilt = Building.FloorsBuilt + 1, Version = 8 };

    public static EnterpriseState Enterprise { get; } = (EnterpriseState)Park.First(t => t is EnterpriseState { Figures.Count: 10 }) with { Version = 3 };

    public static EnterpriseState EnterpriseNext { get; } = Enterprise with { Status = EnterpriseStatus.Suspended, Version = 4 };

    public static PlantState Plant { get; } = WithReadings((PlantState)Park.First(t => t is PlantState), 48);

    public static PlantState PlantNext { get; } = WithReadings(Plant, 1);

    public static StationState Station { get; } = (StationState)Park.First(t => t is StationState) with
    {
        Version = 100,
        Latest = new StationReading { At = DateTimeOffset.UnixEpoch.AddYears(56), Values = new Dictionary<string, double> { ["pm25"] = 35, ["aqi"] = 60 } },
    };

    public static StationState StationNext { get; } = Station with
    {
        Version = 101,
        Latest = new StationReading { At = Station.Latest!.At.AddSeconds(1), Values = new Dictionary<string, double> { ["pm25"] = 36, ["aqi"] = 61 } },
    };

    private static PlantState WithReadings(PlantState plant, int count)
    {
        var state = plant;
        for (var i = 0; i < count; i++)
        {
            var at = (state.Latest?.At ?? DateTimeOffset.UnixEpoch.AddYears(56)).AddMinutes(1);
            var reading = new EffluentReading { At = at, Inflow = 6_000 + i, Cod = 30 + (i % 10), Ammonia = 1.2, TotalPhosphorus = 0.2, Ph = 7.1 };
            state = state with
            {
                Latest = reading,
                Recent = [.. state.Recent.Append(reading).TakeLast(PlantState.RecentReadings)],
                Version = state.Version + 1,
            };
        }

        return state;
    }
}
