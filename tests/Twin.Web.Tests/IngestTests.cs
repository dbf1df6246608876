namespace Twin.Web.Tests;

/// <summary><c>POST /api/ingest</c> keeps the good readings of a batch and reports each bad one by index and field.</summary>
public sealed class IngestTests(TwinApiFixture fixture) : IClassFixture<TwinApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    /// <summary>Readings come from devices: the demo device key, bound to every twin.</summary>
    private Task<HttpClient> Device() => fixture.Host.KeyClientAsync();

    [Fact]
    public async Task A_batch_applies_its_valid_readings_and_reports_each_invalid_one()
    {
        var plant = (await _client.Features("?kind=plant")).First(p => p.Prop("status") == "Operating");
        var station = (await _client.Features("?kind=station")).First(s => s.Prop("station") == "AirQuality");
        var at = DateTimeOffset.UtcNow.AddSeconds(-30);
        var body = $$$"""
        {"readings": [
          {"twinId": "{{{plant.Id()}}}", "at": "{{{at:O}}}", "values": {"inflow": 6000, "cod": 21, "ammonia": 1.1, "totalPhosphorus": 0.2, "ph": 7.1}},
          {"twinId": "{{{plant.Id()}}}", "at": "{{{at.AddSeconds(1):O}}}", "values": {"inflow": 6000, "cod": 21, "ammonia": 1.1, "totalPhosphorus": 0.2, "ph": 19}},
          {"twinId": "{{{plant.Id()}}}", "at": "{{{at.AddSeconds(2):O}}}", "values": {"inflow": 6100, "cod": 22}},
          {"twinId": "{{{station.Id()}}}", "at": "{{{at:O}}}", "values": {"pm25": 35, "aqi": 60}},
          {"twinId": "station:nowhere", "at": "{{{at:O}}}", "values": {"pm25": 35}},
          {"twinId": "building:yaodu-innov-pharma-p3-07", "at": "{{{at:O}}}", "values": {"x": 1}},
          {"twinId": "{{{station.Id()}}}", "values": {"pm25": 35}},
          {"twinId": "{{{plant.Id()}}}", "at": "{{{at.AddSeconds(3):O}}}", "values": {"inflow": 6200, "cod": 23, "ammonia": 1.2, "totalPhosphorus": 0.2, "ph": 7.2}}
        ]}
        """;

        var (status, result) = await (await Device()).Post("/api/ingest", body);

        Assert.Equal(HttpStatusCode.OK, status);
        var results = result["results"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(["accepted", "invalid", "invalid", "accepted", "notFound", "notFound", "invalid", "accepted"], results.Select(r => r["status"]!.GetValue<string>()));
        Assert.Equal("values.ph", results[1]["field"]!.GetValue<string>());
        Assert.Equal("values.ammonia", results[2]["field"]!.GetValue<string>());
        Assert.Equal("at", results[6]["field"]!.GetValue<string>());
        Assert.Equal(3, result["accepted"]!.GetValue<int>());
        var after = await _client.Twin(plant.Id());
        Assert.Equal(plant.Version() + 2, after.Version());
        Assert.Equal(6200, after["properties"]!["latest"]!["inflow"]!.GetValue<decimal>());
        Assert.Equal(60, (await _client.Twin(station.Id()))["properties"]!["latest"]!["values"]!["aqi"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_batch_that_is_not_a_batch_is_refused_whole()
    {
        var (status, problem) = await (await Device()).Post("/api/ingest", """{"readings": 5}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("readings", problem.ProblemField());
    }
}
