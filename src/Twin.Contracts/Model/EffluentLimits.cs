namespace Twin.Contracts.Model;

/// <summary>A plant's permit limits for effluent, mg/L (pH unitless).</summary>
[GenerateSerializer, Immutable]
[Alias("twin.effluent-limits")]
public sealed record EffluentLimits
{
    [Id(0)]
    public double Cod { get; init; } = 50;

    [Id(1)]
    public double Ammonia { get; init; } = 5;

    [Id(2)]
    public double TotalPhosphorus { get; init; } = 0.5;

    [Id(3)]
    public double PhMin { get; init; } = 6;

    [Id(4)]
    public double PhMax { get; init; } = 9;

    /// <summary>The names of the readings over their limit.</summary>
    public IReadOnlyList<string> Exceeded(EffluentReading reading)
    {
        var over = new List<string>(4);
        if (reading.Cod > Cod)
        {
            over.Add("cod");
        }

        if (reading.Ammonia > Ammonia)
        {
            over.Add("ammonia");
        }

        if (reading.TotalPhosphorus > TotalPhosphorus)
        {
            over.Add("totalPhosphorus");
        }

        if (reading.Ph < PhMin || reading.Ph > PhMax)
        {
            over.Add("ph");
        }

        return over;
    }
}

/// <summary>One effluent reading: inflow (t/day) and effluent quality.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.effluent-reading")]
public sealed record EffluentReading
{
    [Id(0)]
    public DateTimeOffset At { get; init; }

    [Id(1)]
    public decimal Inflow { get; init; }

    [Id(2)]
    public double Cod { get; init; }

    [Id(3)]
    public double Ammonia { get; init; }

    [Id(4)]
    public double TotalPhosphorus { get; init; }

    [Id(5)]
    public double Ph { get; init; }
}
