namespace Twin.Seed.Tests.Synthetic;

public sealed class SyntheticParkTests : IClassFixture<Park10k>
{
    private readonly IReadOnlyList<TwinState> _park10k;

    public SyntheticParkTests(Park10k park)
    {
        ArgumentNullException.ThrowIfNull(park);
        _park10k = park.Twins;
    }

    [Fact]
    public void Park10k_has_about_10k_twins_with_20_zones_2000_buildings_1000_enterprises_and_5_plants()
    {
        Assert.InRange(_park10k.Count, 9_500, 10_500);
        Assert.Single(_park10k.OfType<ParkState>());
        Assert.Equal(20, _park10k.OfType<ZoneState>().Count());
        Assert.Equal(2_000, _park10k.OfType<BuildingState>().Count());
        Assert.Equal(1_000, _park10k.OfType<EnterpriseState>().Count());
        Assert.Equal(5, _park10k.OfType<PlantState>().Count());
    }

    [Fact]
    public void Park10k_passes_the_seed_validator_with_no_errors()
    {
        var errors = SeedValidator.Validate(_park10k);

        Assert.True(errors.Count == 0, Seeds.List(errors.Take(50)));
    }

    [Fact]
    public async Task The_same_options_and_seed_give_a_byte_identical_park()
    {
        var again = SyntheticPark.Generate(SyntheticParkOptions.Park10k);

        Assert.Equal(await Seeds.WriteAsync(_park10k), await Seeds.WriteAsync(again));
    }

    [Fact]
    public async Task Another_seed_gives_another_park()
    {
        var other = SyntheticPark.Generate(SyntheticParkOptions.Park10k with { Seed = 43 });

        Assert.NotEqual(await Seeds.WriteAsync(_park10k), await Seeds.WriteAsync(other));
    }

    [Fact]
    public async Task Writing_then_reading_gives_the_same_twins()
    {
        var written = await Seeds.WriteAsync(_park10k);

        var document = SeedReader.Read(written);

        Assert.True(document.Errors.Count == 0, Seeds.List(document.Errors.Take(50)));
        Assert.Equal(_park10k.Count, document.Twins.Count);
        Assert.Equal(written, await Seeds.WriteAsync(document.Twins));
    }

    [Fact]
    public void A_park_of_another_size_keeps_the_proportions_and_validates()
    {
        var park = SyntheticPark.Generate(SyntheticParkOptions.OfSize(1_000));

        Assert.InRange(park.Count, 900, 1_100);
        var errors = SeedValidator.Validate(park);
        Assert.True(errors.Count == 0, Seeds.List(errors.Take(50)));
    }
}
