using System.Globalization;

namespace Twin.Web.Tests;

/// <summary>The seed park as the API serves it: features, one twin, relations, spatial queries, statistics.</summary>
public sealed class ApiReadTests(TwinApiFixture fixture) : IClassFixture<TwinApiFixture>
{
    private static readonly string[] Zones =
    [
        "zone:chengbei", "zone:fucheng-pharma", "zone:salt-chem", "zone:yaodu-innov-pharma",
        "zone:yaodu-innov-metal", "zone:yaodu-tech-pharma", "zone:yaodu-tech-metal", "zone:circular",
    ];

    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Every_zone_of_the_report_is_served_as_a_feature_with_kind_name_and_version()
    {
        var zones = await _client.Features("?kind=zone");

        Assert.Equal(Zones.Order(), zones.Select(z => z.Id()).Order());
        Assert.All(zones, z =>
        {
            Assert.Equal("zone", z.Prop("kind"));
            Assert.False(string.IsNullOrEmpty(z.Prop("name")));
            Assert.True(z.Version() >= 1);
            Assert.Equal("Polygon", z["geometry"]!["type"]!.GetValue<string>().Replace("Multi", "", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Features_filter_by_kind_and_zone()
    {
        var buildings = await _client.Features("?kind=building&zone=zone:yaodu-innov-pharma");

        Assert.NotEmpty(buildings);
        Assert.All(buildings, b =>
        {
            Assert.Equal("building", b.Prop("kind"));
            Assert.Equal("zone:yaodu-innov-pharma", b.Prop("zoneId"));
        });
    }

    [Fact]
    public async Task The_phase_3_buildings_of_the_innovation_park_pharma_area_stand_at_every_stage_the_report_names()
    {
        var phase3 = (await _client.Features("?kind=building&zone=zone:yaodu-innov-pharma")).Where(b => b.Prop("phase") == "3").ToList();
        string Stage(JsonObject b) => b.Prop("stage") == "Structure" ? $"Structure{b.Prop("floorsBuilt")}" : b.Prop("stage");

        var stages = phase3.Select(Stage).ToHashSet();
        foreach (var expected in new[] { "ToppedOut", "Structure4", "Structure3", "Structure2", "Piling", "Foundation" })
        {
            Assert.True(stages.Contains(expected), $"no phase-3 building at {expected} among {string.Join(", ", stages)}");
        }
    }

    [Fact]
    public async Task A_bbox_returns_only_features_that_reach_into_it()
    {
        var zone = await _client.Twin("zone:salt-chem");
        var ring = zone["geometry"]!["coordinates"]![0]!.AsArray();
        var lons = ring.Select(c => c![0]!.GetValue<double>()).ToList();
        var lats = ring.Select(c => c![1]!.GetValue<double>()).ToList();
        var bbox = string.Create(CultureInfo.InvariantCulture, $"{lons.Min()},{lats.Min()},{lons.Max()},{lats.Max()}");

        var inside = await _client.Features($"?kind=building&bbox={bbox}");
        var all = await _client.Features("?kind=building");

        Assert.NotEmpty(inside);
        Assert.True(inside.Count < all.Count);
        Assert.Contains(inside, b => b.Prop("zoneId") == "zone:salt-chem");
    }

    [Fact]
    public async Task A_tenanted_building_relates_to_its_tenant_zone_and_serving_plant()
    {
        var building = (await _client.Features("?kind=building")).First(b => b["properties"]!["tenantId"] is not null && b.Prop("zoneId") == "zone:chengbei");

        var related = await _client.GetJson($"/api/twins/{building.Id()}/related");

        Assert.Equal(building.Prop("tenantId"), related["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("zone:chengbei", related["zone"]!["id"]!.GetValue<string>());
        Assert.Contains(related["plants"]!.AsArray(), p => p!["id"]!.GetValue<string>() == "plant:chengbei");
        var tenant = await _client.GetJson($"/api/twins/{building.Prop("tenantId")}/related");
        Assert.Contains(tenant["buildings"]!.AsArray(), b => b!["id"]!.GetValue<string>() == building.Id());
    }

    [Fact]
    public async Task Spatial_queries_find_a_building_by_a_point_inside_it_by_distance_and_by_its_zone_polygon()
    {
        var building = (await _client.Features("?kind=building&zone=zone:yaodu-tech-metal"))[0];
        var ring = building["geometry"]!["coordinates"]![0]!.AsArray();
        var lon = ring.Take(4).Average(c => c![0]!.GetValue<double>());
        var lat = ring.Take(4).Average(c => c![1]!.GetValue<double>());
        var point = string.Create(CultureInfo.InvariantCulture, $"lon={lon}&lat={lat}");

        var at = (await _client.GetJson($"/api/spatial/at?{point}"))["features"]!.AsArray();
        Assert.Contains(at, f => f!["id"]!.GetValue<string>() == building.Id());
        Assert.Contains(at, f => f!["id"]!.GetValue<string>() == "zone:yaodu-tech-metal");

        var near = (await _client.GetJson($"/api/spatial/near?{point}&radius=500"))["features"]!.AsArray();
        var distances = near.Select(f => f!["properties"]!["distance"]!.GetValue<double>()).ToList();
        Assert.Equal(0, distances[0]);
        Assert.Equal(distances.Order(), distances);
        Assert.All(distances, d => Assert.InRange(d, 0, 500));

        var zone = await _client.Twin("zone:yaodu-tech-metal");
        var (status, within) = await _client.Post("/api/spatial/within", zone["geometry"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(within["features"]!.AsArray(), f => f!["id"]!.GetValue<string>() == building.Id());
    }

    [Fact]
    public async Task Zone_statistics_equal_a_recount_of_the_features()
    {
        var enterprises = await _client.Features("?kind=enterprise");
        var buildings = await _client.Features("?kind=building");
        var park = await _client.GetJson("/api/stats");

        foreach (var zoneId in Zones)
        {
            var zone = await _client.GetJson($"/api/stats/{zoneId}");
            var mine = enterprises.Where(e => e.Prop("zoneId") == zoneId).ToList();
            Assert.Equal(mine.Count(e => e.Prop("status") == "InProduction"), zone["enterprises"]!["inProduction"]!.GetValue<int>());
            Assert.Equal(mine.Count(e => e.Prop("status") is "UnderConstruction" or "InProduction" or "Suspended"), zone["enterprises"]!["settled"]!.GetValue<int>());
            Assert.Equal(buildings.Count(b => b.Prop("zoneId") == zoneId && b.Prop("stage") == "ToppedOut"), zone["buildings"]!["byStage"]!["toppedOut"]!.GetValue<int>());
            Assert.True(zone["enterprises"]!["settled"]!.GetValue<int>() >= zone["enterprises"]!["inProduction"]!.GetValue<int>());
        }

        Assert.Equal(enterprises.Count(e => e.Prop("status") == "InProduction"), park["enterprises"]!["inProduction"]!.GetValue<int>());
        Assert.Equal(buildings.Count, park["buildings"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_accepted_command_raises_the_version_by_one_and_shows_in_the_twin_and_the_feature_list()
    {
        var building = (await _client.Features("?kind=building")).First(b => b.Prop("stage") == "Foundation" && b.Prop("zoneId") != "zone:yaodu-innov-pharma");

        var (status, after) = await _client.Post($"/api/buildings/{building.Id()}/progress",
            $$"""{"floorsBuilt": 1, "stage": "Structure", "expectedVersion": {{building.Version()}}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(building.Version() + 1, after.Version());
        Assert.Equal("Structure", (await _client.Twin(building.Id())).Prop("stage"));
        for (var i = 0; i < 50 && (await _client.Features("?kind=building")).Single(b => b.Id() == building.Id()).Version() == building.Version(); i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(building.Version() + 1, (await _client.Features("?kind=building")).Single(b => b.Id() == building.Id()).Version());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_endpoints()
    {
        var document = await _client.GetJson("/openapi/v1.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/features", paths);
        Assert.Contains("/api/buildings/{id}/progress", paths);
        Assert.Contains("/api/spatial/near", paths);
    }
}
