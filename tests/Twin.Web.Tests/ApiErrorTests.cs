namespace Twin.Web.Tests;

/// <summary>Every error case of the API answers 400, 404 or 409 with the field named, and changes nothing.</summary>
public sealed class ApiErrorTests(TwinApiFixture fixture) : IClassFixture<TwinApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    public static TheoryData<string, string, HttpStatusCode, string> BuildingProgressErrors => new()
    {
        { "Completed", """{"floorsBuilt": 0}""", HttpStatusCode.BadRequest, "stage" },
        { "Completed", """{"floorsBuilt": 0, "stage": "Roof"}""", HttpStatusCode.BadRequest, "stage" },
        { "Completed", """{"floorsBuilt": "two", "stage": "Structure"}""", HttpStatusCode.BadRequest, "floorsBuilt" },
        { "Completed", """{"floorsBuilt": 0, "stage": 1}""", HttpStatusCode.BadRequest, "stage" },
        { "Completed", """{"floorsBuilt": 0, "stage": "Piling"}""", HttpStatusCode.Conflict, "stage" },
        { "Structure", """{"floorsBuilt": 99, "stage": "ToppedOut"}""", HttpStatusCode.BadRequest, "floorsBuilt" },
        { "Structure", """{"floorsBuilt": 0, "stage": "Structure"}""", HttpStatusCode.BadRequest, "floorsBuilt" },
        { "Structure", """{"floorsBuilt": 1, "stage": "Structure", "expectedVersion": 999}""", HttpStatusCode.Conflict, "expectedVersion" },
        { "Structure", """[1, 2]""", HttpStatusCode.BadRequest, "body" },
        { "Structure", """{"floorsBuilt": 1, "stage": """, HttpStatusCode.BadRequest, "body" },
        { "Structure", """not json at all""", HttpStatusCode.BadRequest, "body" },
    };

    [Theory]
    [MemberData(nameof(BuildingProgressErrors))]
    public async Task Bad_building_progress_is_refused_with_the_field_named_and_changes_nothing(string stage, string body, HttpStatusCode status, string field)
    {
        var building = (await _client.Features("?kind=building")).First(b => b.Prop("stage") == stage);
        await AssertRefusedAndUnchanged(building.Id(), $"/api/buildings/{building.Id()}/progress", body, status, field);
    }

    [Fact]
    public async Task Figures_for_a_month_that_does_not_exist_are_refused()
    {
        var enterprise = (await _client.Features("?kind=enterprise")).First(e => e.Prop("status") == "InProduction");
        await AssertRefusedAndUnchanged(enterprise.Id(), $"/api/enterprises/{enterprise.Id()}/figures",
            """{"month": "2026-13", "revenue": 10, "tax": 1}""", HttpStatusCode.BadRequest, "month");
    }

    [Fact]
    public async Task An_illegal_enterprise_transition_is_a_conflict()
    {
        var enterprise = (await _client.Features("?kind=enterprise")).First(e => e.Prop("status") == "InProduction");
        await AssertRefusedAndUnchanged(enterprise.Id(), $"/api/enterprises/{enterprise.Id()}/status",
            """{"status": "Signed"}""", HttpStatusCode.Conflict, "status");
    }

    [Fact]
    public async Task A_plant_reading_with_an_impossible_ph_is_refused()
    {
        var plant = (await _client.Features("?kind=plant")).First(p => p.Prop("status") == "Operating");
        await AssertRefusedAndUnchanged(plant.Id(), $"/api/plants/{plant.Id()}/readings",
            $$"""{"at": "{{DateTimeOffset.UtcNow.AddSeconds(-1):O}}", "inflow": 5000, "cod": 20, "ammonia": 1, "totalPhosphorus": 0.2, "ph": 15}""",
            HttpStatusCode.BadRequest, "ph");
    }

    [Fact]
    public async Task A_plant_reading_older_than_the_latest_is_a_conflict()
    {
        var plant = (await _client.Features("?kind=plant")).First(p => p.Prop("status") == "Operating");
        await AssertRefusedAndUnchanged(plant.Id(), $"/api/plants/{plant.Id()}/readings",
            """{"at": "2001-01-01T00:00:00Z", "inflow": 5000, "cod": 20, "ammonia": 1, "totalPhosphorus": 0.2, "ph": 7}""",
            HttpStatusCode.Conflict, "at");
    }

    [Fact]
    public async Task A_road_under_construction_cannot_go_back_to_designed()
    {
        await AssertRefusedAndUnchanged("network:xinwang-road", "/api/network/network:xinwang-road/status",
            """{"status": "Designed"}""", HttpStatusCode.Conflict, "status");
    }

    [Theory]
    [InlineData("/api/buildings/building:no-such-building/progress", """{"floorsBuilt": 0, "stage": "Piling"}""")]
    [InlineData("/api/buildings/not-an-id/progress", """{"floorsBuilt": 0, "stage": "Piling"}""")]
    [InlineData("/api/buildings/zone:chengbei/progress", """{"floorsBuilt": 0, "stage": "Piling"}""")]
    [InlineData("/api/enterprises/enterprise:nobody/status", """{"status": "Exited"}""")]
    [InlineData("/api/plants/plant:nowhere/readings", """{"at": "2026-01-01T00:00:00Z", "inflow": 1, "cod": 1, "ammonia": 1, "totalPhosphorus": 0.1, "ph": 7}""")]
    [InlineData("/api/network/network:no-road/status", """{"status": "Accepted"}""")]
    public async Task A_command_to_an_unknown_twin_is_not_found(string path, string body)
    {
        var (status, problem) = await _client.Post(path, body);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("id", problem.ProblemField());
    }

    [Theory]
    [InlineData("/api/twins/building:no-such-building", HttpStatusCode.NotFound, "id")]
    [InlineData("/api/twins/nonsense", HttpStatusCode.NotFound, "id")]
    [InlineData("/api/twins/building:no-such-building/related", HttpStatusCode.NotFound, "id")]
    [InlineData("/api/stats/zone:no-such-zone", HttpStatusCode.NotFound, "id")]
    [InlineData("/api/features?kind=castle", HttpStatusCode.BadRequest, "kind")]
    [InlineData("/api/features?zone=zone:no-such-zone", HttpStatusCode.NotFound, "id")]
    [InlineData("/api/features?zone=chengbei", HttpStatusCode.BadRequest, "zone")]
    [InlineData("/api/features?bbox=1,2,3", HttpStatusCode.BadRequest, "bbox")]
    [InlineData("/api/features?bbox=116,28,115,27", HttpStatusCode.BadRequest, "bbox")]
    [InlineData("/api/spatial/at?lon=abc&lat=27.9", HttpStatusCode.BadRequest, "lon")]
    [InlineData("/api/spatial/at?lon=115.5", HttpStatusCode.BadRequest, "lat")]
    [InlineData("/api/spatial/near?lon=115.5&lat=27.9&radius=-5", HttpStatusCode.BadRequest, "radius")]
    [InlineData("/api/spatial/near?lon=115.5&lat=27.9", HttpStatusCode.BadRequest, "radius")]
    public async Task Bad_reads_are_refused_with_the_field_named(string path, HttpStatusCode expected, string field)
    {
        var (status, problem) = await _client.Get(path);

        Assert.Equal(expected, status);
        Assert.Equal(field, problem.ProblemField());
    }

    [Theory]
    [InlineData("""{"type": "Polygon", "coordinates": [[[115.50, 27.90], [115.52, 27.92], [115.52, 27.90], [115.50, 27.92], [115.50, 27.90]]]}""")]
    [InlineData("""{"type": "Point", "coordinates": [115.5, 27.9]}""")]
    [InlineData("""{"type": "Polygon", "coordinates": "nope"}""")]
    public async Task A_within_query_with_an_invalid_polygon_is_refused(string geometry)
    {
        var (status, problem) = await _client.Post("/api/spatial/within", geometry);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("geometry", problem.ProblemField());
    }

    private async Task AssertRefusedAndUnchanged(string id, string path, string body, HttpStatusCode expected, string field)
    {
        var before = await _client.Twin(id);

        var (status, problem) = await _client.Post(path, body);

        Assert.Equal(expected, status);
        Assert.Equal(field, problem.ProblemField());
        Assert.Equal(before.ToJsonString(), (await _client.Twin(id)).ToJsonString());
    }
}
