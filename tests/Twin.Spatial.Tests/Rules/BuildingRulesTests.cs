using Twin.Contracts.Model;
using Twin.Contracts.Rules;

namespace Twin.Spatial.Tests.Rules;

public sealed class BuildingRulesTests
{
    [Theory]
    [InlineData(ConstructionStage.Planned, 0)]
    [InlineData(ConstructionStage.Piling, 0)]
    [InlineData(ConstructionStage.Foundation, 0)]
    [InlineData(ConstructionStage.Structure, 1)]
    [InlineData(ConstructionStage.Structure, 3)]
    [InlineData(ConstructionStage.Structure, 4)]
    [InlineData(ConstructionStage.ToppedOut, 5)]
    [InlineData(ConstructionStage.Completed, 5)]
    public void Floors_that_agree_with_the_stage_of_a_5_floor_building_are_consistent(ConstructionStage stage, int floorsBuilt)
    {
        Assert.Null(BuildingRules.CheckConsistent(5, floorsBuilt, stage));
    }

    [Theory]
    [InlineData(ConstructionStage.Planned, 1)]
    [InlineData(ConstructionStage.Piling, 2)]
    [InlineData(ConstructionStage.Foundation, 5)]
    [InlineData(ConstructionStage.Structure, 0)]
    [InlineData(ConstructionStage.Structure, 5)]
    [InlineData(ConstructionStage.ToppedOut, 4)]
    [InlineData(ConstructionStage.ToppedOut, 0)]
    [InlineData(ConstructionStage.Completed, 4)]
    [InlineData(ConstructionStage.Completed, 0)]
    public void Floors_that_disagree_with_the_stage_of_a_5_floor_building_are_refused_on_floorsBuilt(ConstructionStage stage, int floorsBuilt)
    {
        var violation = BuildingRules.CheckConsistent(5, floorsBuilt, stage);

        Assert.NotNull(violation);
        Assert.Equal("floorsBuilt", violation.Field);
        Assert.False(violation.IsConflict);
    }

    [Fact]
    public void A_one_floor_building_has_no_Structure_stage()
    {
        Assert.NotNull(BuildingRules.CheckConsistent(1, 0, ConstructionStage.Structure));
        Assert.NotNull(BuildingRules.CheckConsistent(1, 1, ConstructionStage.Structure));
        Assert.Null(BuildingRules.CheckConsistent(1, 1, ConstructionStage.ToppedOut));
    }

    [Fact]
    public void Floors_built_above_the_plan_are_refused()
    {
        var violation = BuildingRules.CheckConsistent(5, 6, ConstructionStage.ToppedOut);

        Assert.NotNull(violation);
        Assert.Equal("floorsBuilt", violation.Field);
        Assert.Contains("exceed", violation.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_floors_built_are_refused()
    {
        Assert.Equal("floorsBuilt", BuildingRules.CheckConsistent(5, -1, ConstructionStage.Planned)?.Field);
    }

    [Fact]
    public void A_building_planned_with_no_floors_is_refused()
    {
        Assert.Equal("floorsPlanned", BuildingRules.CheckConsistent(0, 0, ConstructionStage.Planned)?.Field);
    }

    [Fact]
    public void An_undefined_stage_is_refused()
    {
        Assert.Equal("stage", BuildingRules.CheckConsistent(5, 0, (ConstructionStage)99)?.Field);
    }

    [Theory]
    [InlineData(ConstructionStage.Planned, 0, ConstructionStage.Piling, 0)]
    [InlineData(ConstructionStage.Piling, 0, ConstructionStage.Foundation, 0)]
    [InlineData(ConstructionStage.Foundation, 0, ConstructionStage.Structure, 1)]
    [InlineData(ConstructionStage.Structure, 2, ConstructionStage.Structure, 3)]
    [InlineData(ConstructionStage.Structure, 4, ConstructionStage.ToppedOut, 5)]
    [InlineData(ConstructionStage.ToppedOut, 5, ConstructionStage.Completed, 5)]
    [InlineData(ConstructionStage.Planned, 0, ConstructionStage.Completed, 5)]
    public void Progress_forward_is_accepted(ConstructionStage fromStage, int fromFloors, ConstructionStage stage, int floorsBuilt)
    {
        Assert.Null(BuildingRules.CheckProgress(Building(fromStage, fromFloors), floorsBuilt, stage));
    }

    [Theory]
    [InlineData(ConstructionStage.ToppedOut, 5, ConstructionStage.Structure, 4)]
    [InlineData(ConstructionStage.Completed, 5, ConstructionStage.ToppedOut, 5)]
    [InlineData(ConstructionStage.Foundation, 0, ConstructionStage.Piling, 0)]
    public void Going_back_a_stage_is_refused_as_a_conflict(ConstructionStage fromStage, int fromFloors, ConstructionStage stage, int floorsBuilt)
    {
        var violation = BuildingRules.CheckProgress(Building(fromStage, fromFloors), floorsBuilt, stage);

        Assert.NotNull(violation);
        Assert.Equal("stage", violation.Field);
        Assert.True(violation.IsConflict);
    }

    [Fact]
    public void Floors_falling_are_refused_as_a_conflict()
    {
        var violation = BuildingRules.CheckProgress(Building(ConstructionStage.Structure, 3), 2, ConstructionStage.Structure);

        Assert.NotNull(violation);
        Assert.Equal("floorsBuilt", violation.Field);
        Assert.True(violation.IsConflict);
    }

    [Fact]
    public void Progress_above_the_planned_floors_is_refused_and_is_not_a_conflict()
    {
        var violation = BuildingRules.CheckProgress(Building(ConstructionStage.Structure, 4), 6, ConstructionStage.ToppedOut);

        Assert.NotNull(violation);
        Assert.Equal("floorsBuilt", violation.Field);
        Assert.False(violation.IsConflict);
    }

    [Fact]
    public void Progress_that_disagrees_with_the_stage_is_refused_before_any_conflict()
    {
        var violation = BuildingRules.CheckProgress(Building(ConstructionStage.Structure, 3), 5, ConstructionStage.Structure);

        Assert.NotNull(violation);
        Assert.False(violation.IsConflict);
    }

    [Fact]
    public void Reporting_the_same_stage_and_floors_again_is_a_conflict()
    {
        var violation = BuildingRules.CheckProgress(Building(ConstructionStage.Structure, 3), 3, ConstructionStage.Structure);

        Assert.NotNull(violation);
        Assert.True(violation.IsConflict);
    }

    private static BuildingState Building(ConstructionStage stage, int floorsBuilt) => new()
    {
        Id = "building:test-01",
        Name = "1号厂房",
        ZoneId = "zone:test",
        FloorsPlanned = 5,
        FloorsBuilt = floorsBuilt,
        Stage = stage,
    };
}
