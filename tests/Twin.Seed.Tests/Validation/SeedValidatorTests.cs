using System.Text;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using Twin.Spatial;

namespace Twin.Seed.Tests.Validation;

public sealed class SeedValidatorTests
{
    private static readonly SyntheticParkOptions Small = new() { Zones = 2, Buildings = 16, Enterprises = 6, Plants = 1, Stations = 6, Seed = 7 };

    [Fact]
    public void A_small_synthetic_park_has_no_errors()
    {
        var errors = SeedValidator.Validate(SyntheticPark.Generate(Small));

        Assert.True(errors.Count == 0, Seeds.List(errors));
    }

    [Fact]
    public async Task Every_error_of_a_seed_broken_ten_ways_is_listed_with_its_feature_id_and_no_valid_feature_has_one()
    {
        var twins = SyntheticPark.Generate(Small).ToList();
        var vacant = twins.OfType<BuildingState>().Where(b => b.TenantId is null).ToList();
        var producing = twins.OfType<EnterpriseState>().First(e => e.Status == EnterpriseStatus.InProduction && e.BuildingIds.Count == 1);
        var stations = twins.OfType<StationState>().ToList();
        var road = twins.OfType<NetworkSegmentState>().First();
        Assert.True(vacant.Count >= 4 && stations.Count >= 4, "the small park needs four vacant buildings and four stations to break");
        var expected = new List<(string Id, string Says)>();
        void Replace(TwinState next) => twins[twins.FindIndex(t => t.Id == next.Id)] = next;

        twins.Add(stations[0] with { Name = "重复的检测站" });
        expected.Add((stations[0].Id, "duplicate id"));

        Replace(stations[1] with { ZoneId = "zone:nowhere" });
        expected.Add((stations[1].Id, "zoneId 'zone:nowhere' is not a zone"));

        Replace(vacant[0] with { Geometry = BowTie(vacant[0].Geometry!.EnvelopeInternal) });
        expected.Add((vacant[0].Id, "geometry is not valid"));

        Replace(vacant[1] with { FloorsBuilt = vacant[1].FloorsPlanned + 1 });
        expected.Add((vacant[1].Id, "exceed floors planned"));

        Replace(vacant[2] with { Stage = ConstructionStage.Structure, FloorsBuilt = 0 });
        expected.Add((vacant[2].Id, "at stage Structure has 1 to"));

        Replace(vacant[3] with { TenantId = producing.Id });
        expected.Add((vacant[3].Id, "does not list this building"));

        var itsBuilding = twins.OfType<BuildingState>().Single(b => b.Id == producing.BuildingIds[0]);
        Replace(itsBuilding with { Stage = ConstructionStage.ToppedOut });
        expected.Add((producing.Id, "not Completed"));

        Replace(stations[2] with { Geometry = TwinGeometry.Point(116.5, 28.5) });
        expected.Add((stations[2].Id, "outside the park outline"));

        // Two more that only a file can hold: an unknown enum name and a missing required property.
        var json = JsonNode.Parse(await Seeds.WriteAsync(twins))!;
        Properties(json, road.Id)["status"] = "Paved";
        expected.Add((road.Id, "NetworkStatus"));
        Properties(json, stations[3].Id).Remove("name");
        expected.Add((stations[3].Id, "missing required properties"));

        var document = SeedReader.Read(Encoding.UTF8.GetBytes(json.ToJsonString()));
        var errors = document.Errors.Concat(SeedValidator.Validate(document.Twins)).ToList();

        foreach (var (id, says) in expected)
        {
            Assert.True(
                errors.Exists(e => e.FeatureId == id && e.Reason.Contains(says, StringComparison.Ordinal)),
                $"no error saying '{says}' for {id}; the errors are:{Environment.NewLine}{Seeds.List(errors)}");
        }

        Assert.Equal(expected.Select(e => e.Id).Order(StringComparer.Ordinal), errors.Select(e => e.FeatureId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_enterprise_listing_a_building_let_to_another_is_an_error_at_the_enterprise()
    {
        var twins = SyntheticPark.Generate(Small).ToList();
        var tenants = twins.OfType<EnterpriseState>().Where(e => e.BuildingIds.Count == 1).Take(2).ToList();
        Assert.Equal(2, tenants.Count);
        var intruder = tenants[1] with { BuildingIds = [tenants[1].BuildingIds[0], tenants[0].BuildingIds[0]] };
        twins[twins.FindIndex(t => t.Id == intruder.Id)] = intruder;

        var error = Assert.Single(SeedValidator.Validate(twins));

        Assert.Equal(intruder.Id, error.FeatureId);
        Assert.Contains($"has tenant '{tenants[0].Id}', not this enterprise", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plant_serving_a_zone_not_in_the_file_is_an_error_at_the_plant()
    {
        var twins = SyntheticPark.Generate(Small).ToList();
        var plant = twins.OfType<PlantState>().First();
        twins[twins.FindIndex(t => t.Id == plant.Id)] = plant with { ZonesServed = [.. plant.ZonesServed, "zone:elsewhere"] };

        var error = Assert.Single(SeedValidator.Validate(twins));

        Assert.Equal(plant.Id, error.FeatureId);
        Assert.Contains("zonesServed: 'zone:elsewhere'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_without_the_park_is_an_error_of_the_file()
    {
        var twins = SyntheticPark.Generate(Small).Where(t => t is not ParkState).ToList();

        var error = Assert.Single(SeedValidator.Validate(twins));

        Assert.Equal("(file)", error.FeatureId);
    }

    private static Polygon BowTie(Envelope within) => TwinGeometry.Factory.CreatePolygon(
    [
        new Coordinate(within.MinX, within.MinY),
        new Coordinate(within.MaxX, within.MaxY),
        new Coordinate(within.MaxX, within.MinY),
        new Coordinate(within.MinX, within.MaxY),
        new Coordinate(within.MinX, within.MinY),
    ]);

    private static JsonObject Properties(JsonNode collection, string id) =>
        collection["features"]!.AsArray().Single(f => (string?)f!["id"] == id)!["properties"]!.AsObject();
}
