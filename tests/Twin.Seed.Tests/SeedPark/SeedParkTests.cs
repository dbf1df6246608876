using Twin.Contracts.Stats;

namespace Twin.Seed.Tests.SeedPark;

public sealed class SeedParkTests : IClassFixture<SeedParkFile>
{
    private readonly IReadOnlyList<TwinState> _twins;
    private readonly SeedDocument _document;

    public SeedParkTests(SeedParkFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        _document = file.Document;
        _twins = file.Twins;
    }

    [Fact]
    public void The_seed_park_reads_with_no_errors()
    {
        Assert.True(_document.Errors.Count == 0, Seeds.List(_document.Errors));
        Assert.NotEmpty(_twins);
    }

    [Fact]
    public void The_seed_park_validates_with_no_errors()
    {
        var errors = SeedValidator.Validate(_twins);

        Assert.True(errors.Count == 0, Seeds.List(errors));
    }

    [Fact]
    public async Task The_seed_park_written_and_read_back_gives_the_same_twins()
    {
        var written = await Seeds.WriteAsync(_twins);

        var again = SeedReader.Read(written);

        Assert.True(again.Errors.Count == 0, Seeds.List(again.Errors));
        Assert.Equal(written, await Seeds.WriteAsync(again.Twins));
    }

    [Fact]
    public void The_seed_park_holds_every_zone_of_the_report()
    {
        string[] report =
        [
            "zone:chengbei", "zone:fucheng-pharma", "zone:salt-chem", "zone:yaodu-innov-pharma",
            "zone:yaodu-innov-metal", "zone:yaodu-tech-pharma", "zone:yaodu-tech-metal", "zone:circular",
        ];

        Assert.Equal(report.Order(StringComparer.Ordinal), _twins.OfType<ZoneState>().Select(z => z.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Phase_3_of_the_Yaodu_innovation_pharma_area_has_buildings_topped_out_at_4_3_and_2_floors_piling_and_foundation()
    {
        var phase3 = _twins.OfType<BuildingState>().Where(b => b.ZoneId == "zone:yaodu-innov-pharma" && b.Phase == 3).ToList();

        Assert.Contains(phase3, b => b.Stage == ConstructionStage.ToppedOut);
        Assert.Contains(phase3, b => b.Stage == ConstructionStage.Structure && b.FloorsBuilt == 4);
        Assert.Contains(phase3, b => b.Stage == ConstructionStage.Structure && b.FloorsBuilt == 3);
        Assert.Contains(phase3, b => b.Stage == ConstructionStage.Structure && b.FloorsBuilt == 2);
        Assert.Contains(phase3, b => b.Stage == ConstructionStage.Piling);
        Assert.Contains(phase3, b => b.Stage == ConstructionStage.Foundation);
    }

    [Fact]
    public void The_exhibition_centre_is_topped_out()
    {
        var centre = Assert.Single(_twins.OfType<FacilityState>(), f => f.Facility == FacilityType.ExhibitionCentre);

        Assert.Equal(ConstructionStage.ToppedOut, centre.Stage);
    }

    [Fact]
    public void The_plants_include_one_operating_one_with_expansion_approved_and_one_under_construction()
    {
        var statuses = _twins.OfType<PlantState>().Select(p => p.Status).ToHashSet();

        Assert.Contains(PlantStatus.Operating, statuses);
        Assert.Contains(PlantStatus.ExpansionApproved, statuses);
        Assert.Contains(PlantStatus.UnderConstruction, statuses);
    }

    [Theory]
    [InlineData("network:yangyuan-road-south")]
    [InlineData("network:xinwang-road")]
    public void The_roads_the_report_names_as_being_built_are_under_construction(string id)
    {
        var road = Assert.Single(_twins.OfType<NetworkSegmentState>(), n => n.Id == id);

        Assert.Equal(NetworkStatus.UnderConstruction, road.Status);
    }

    [Fact]
    public void An_air_quality_station_and_rainwater_outlet_monitors_exist()
    {
        var stations = _twins.OfType<StationState>().ToList();

        Assert.Contains(stations, s => s.Station == StationType.AirQuality);
        Assert.True(stations.Count(s => s.Station == StationType.RainwaterOutlet) >= 2, "the report speaks of rainwater outlet monitors, plural");
    }

    [Fact]
    public void Every_zone_has_enterprises_settled_and_at_least_as_many_settled_as_in_production()
    {
        foreach (var zone in _twins.OfType<ZoneState>())
        {
            var stats = new TwinStats();
            foreach (var enterprise in _twins.OfType<EnterpriseState>().Where(e => e.ZoneId == zone.Id))
            {
                stats.Accumulate(Contribution.Of(enterprise), 1);
            }

            var inProduction = stats.Count(EnterpriseStatus.InProduction);
            Assert.True(stats.EnterprisesSettled > 0, $"{zone.Id} has no enterprise settled");
            Assert.True(stats.EnterprisesSettled >= inProduction, $"{zone.Id}: {stats.EnterprisesSettled} settled < {inProduction} in production");
        }
    }

    [Fact]
    public void The_park_feature_says_the_data_is_invented()
    {
        var park = Assert.Single(_twins.OfType<ParkState>());

        Assert.Equal(TwinIds.Park, park.Id);
        Assert.True(park.Invented);
        Assert.Contains("invented", park.Note, StringComparison.OrdinalIgnoreCase);
    }
}
