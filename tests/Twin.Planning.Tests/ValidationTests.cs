using Twin.Planning.Tests.Support;

namespace Twin.Planning.Tests;

public class ValidationTests
{
    private static readonly AllocationProblem Good = Park.Problem(
        [Park.Candidate("E1", "pharma", 1_000, 5_000, 100), Park.Candidate("E2", "food", 1_000, 5_000, 100)],
        [Park.Site("B1", "Z1", 3_000), Park.Site("B2", "Z2", 3_000, x: 100)],
        plants: [new PlantHeadroom("P1", ["Z1", "Z-unknown"], 10)]);

    public static TheoryData<string, Func<AllocationProblem, AllocationProblem>> Broken() => new()
    {
        { "Candidates[1].Id", p => p with { Candidates = [p.Candidates[0], p.Candidates[1] with { Id = "E1" }] } },
        { "Candidates[0].MinArea", p => p with { Candidates = [p.Candidates[0] with { MinArea = 6_000 }, p.Candidates[1]] } },
        { "Candidates[0].Discharge", p => p with { Candidates = [p.Candidates[0] with { Discharge = -1 }, p.Candidates[1]] } },
        { "Candidates[1].Value", p => p with { Candidates = [p.Candidates[0], p.Candidates[1] with { Value = -5 }] } },
        { "Candidates[0].Floors", p => p with { Candidates = [p.Candidates[0] with { Floors = 0 }, p.Candidates[1]] } },
        { "Sites[1].BuildingId", p => p with { Sites = [p.Sites[0], p.Sites[1] with { BuildingId = "B1" }] } },
        { "Sites[0].FloorArea", p => p with { Sites = [p.Sites[0] with { FloorArea = 0 }, p.Sites[1]] } },
        { "Plants[1].PlantId", p => p with { Plants = [p.Plants[0], p.Plants[0]] } },
        { "Rules.SeparationMetres", p => p with { Rules = p.Rules with { SeparationMetres = -1 } } },
        { "Rules.ZoneIndustries[1].ZoneId", p => p with { Rules = p.Rules with { ZoneIndustries = [p.Rules.ZoneIndustries[0], p.Rules.ZoneIndustries[0]] } } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_malformed_problem_is_rejected_naming_the_field(string field, Func<AllocationProblem, AllocationProblem> breakIt)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => new CpSatAllocationSolver().SolveAsync(breakIt(Good), Park.Options()));

        Assert.Equal(field, error.ParamName);
        Assert.StartsWith(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Workers", 0, 0.0)]
    [InlineData("RelativeGap", 2, 1.5)]
    public async Task Bad_options_are_rejected_naming_the_field(string field, int workers, double gap)
    {
        var options = new SolveOptions(TimeSpan.FromSeconds(1), 1, gap, workers);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new CpSatAllocationSolver().SolveAsync(Good, options));

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public async Task A_plant_listing_an_unknown_zone_is_accepted()
    {
        var result = await new CpSatAllocationSolver().SolveAsync(Good, Park.Options());

        Assert.Equal(2, result.Assignments.Count);
    }
}
