namespace Twin.Contracts.Model;

/// <summary>A monitoring station (a point) and its latest reading.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.station-state")]
public sealed record StationState : TwinState
{
    [Id(0)]
    public StationType Station { get; init; }

    [Id(1)]
    public StationReading? Latest { get; init; }

    protected override TwinKind KindCore => TwinKind.Station;
}

/// <summary>A station's reading: named values (pm25, pm10, aqi, cod, ph, flow, ...).</summary>
[GenerateSerializer, Immutable]
[Alias("twin.station-reading")]
public sealed record StationReading
{
    [Id(0)]
    public DateTimeOffset At { get; init; }

    [Id(1)]
    public IReadOnlyDictionary<string, double> Values { get; init; } = new Dictionary<string, double>();
}
