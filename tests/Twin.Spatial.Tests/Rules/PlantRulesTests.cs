using Twin.Contracts.Model;
using Twin.Contracts.Rules;

namespace Twin.Spatial.Tests.Rules;

public sealed class PlantRulesTests
{
    private static readonly EffluentReading Reading = new()
    {
        At = new DateTimeOffset(2026, 10, 31, 8, 0, 0, TimeSpan.FromHours(8)),
        Inflow = 12_000,
        Cod = 32.5,
        Ammonia = 1.8,
        TotalPhosphorus = 0.2,
        Ph = 7.2,
    };

    [Fact]
    public void A_well_formed_reading_with_no_earlier_one_is_accepted()
    {
        Assert.Null(PlantRules.CheckReading(Reading, null));
    }

    [Fact]
    public void A_reading_later_than_the_latest_is_accepted()
    {
        Assert.Null(PlantRules.CheckReading(Reading, Reading with { At = Reading.At.AddHours(-1) }));
    }

    [Fact]
    public void A_reading_over_the_permit_limits_is_still_a_valid_reading()
    {
        Assert.Null(PlantRules.CheckReading(Reading with { Cod = 400, Ph = 11 }, null));
    }

    [Fact]
    public void Negative_inflow_is_refused()
    {
        Assert.Equal("inflow", PlantRules.CheckReading(Reading with { Inflow = -1 }, null)?.Field);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(100_001)]
    public void A_cod_that_is_negative_not_finite_or_absurd_is_refused(double cod)
    {
        Assert.Equal("cod", PlantRules.CheckReading(Reading with { Cod = cod }, null)?.Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void An_ammonia_that_is_negative_or_not_finite_is_refused(double ammonia)
    {
        Assert.Equal("ammonia", PlantRules.CheckReading(Reading with { Ammonia = ammonia }, null)?.Field);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    public void A_total_phosphorus_that_is_negative_or_not_finite_is_refused(double totalPhosphorus)
    {
        Assert.Equal("totalPhosphorus", PlantRules.CheckReading(Reading with { TotalPhosphorus = totalPhosphorus }, null)?.Field);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(14.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_pH_outside_0_to_14_or_not_finite_is_refused(double ph)
    {
        Assert.Equal("ph", PlantRules.CheckReading(Reading with { Ph = ph }, null)?.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(14)]
    public void A_pH_at_either_end_of_the_scale_is_accepted(double ph)
    {
        Assert.Null(PlantRules.CheckReading(Reading with { Ph = ph }, null));
    }

    [Fact]
    public void A_reading_without_a_time_is_refused()
    {
        Assert.Equal("at", PlantRules.CheckReading(Reading with { At = default }, null)?.Field);
    }

    [Fact]
    public void A_reading_a_day_in_the_future_is_refused()
    {
        var violation = PlantRules.CheckReading(Reading with { At = DateTimeOffset.UtcNow.AddDays(1) }, null);

        Assert.NotNull(violation);
        Assert.Equal("at", violation.Field);
        Assert.False(violation.IsConflict);
    }

    [Fact]
    public void A_reading_older_than_the_latest_is_a_conflict()
    {
        var violation = PlantRules.CheckReading(Reading, Reading with { At = Reading.At.AddMinutes(1) });

        Assert.NotNull(violation);
        Assert.Equal("at", violation.Field);
        Assert.True(violation.IsConflict);
    }

    [Fact]
    public void A_reading_at_the_same_time_as_the_latest_is_a_conflict()
    {
        var violation = PlantRules.CheckReading(Reading with { Cod = 20 }, Reading);

        Assert.NotNull(violation);
        Assert.True(violation.IsConflict);
    }
}
