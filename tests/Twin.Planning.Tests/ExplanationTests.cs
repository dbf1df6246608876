using Twin.Planning.Tests.Support;

namespace Twin.Planning.Tests;

public class ExplanationTests
{
    private static UnplacedReason ReasonFor(AllocationResult result, string candidate) =>
        Assert.Single(Assert.Single(result.Unplaced, u => u.CandidateId == candidate).Reasons);

    [Fact]
    public void No_zone_accepting_the_industry_is_named_first()
    {
        var problem = Park.Problem([Park.Candidate("E1", "chemicals", 1_000, 5_000, 100)], [Park.Site("B1", "Z1", 3_000)]);

        var reason = ReasonFor(Park.Solve(problem), "E1");

        Assert.Equal(UnplacedReasonCode.NoZoneAcceptsIndustry, reason.Code);
        Assert.Contains("chemicals", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_building_in_range_and_ready_in_time_gives_the_figures()
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 6_000, 8_000, 100, readyBy: new DateOnly(2027, 3, 1))],
            [Park.Site("B1", "Z1", 3_000), Park.Site("B2", "Z1", 7_000, ready: new DateOnly(2027, 6, 1))]);

        var reason = ReasonFor(Park.Solve(problem), "E1");

        Assert.Equal(UnplacedReasonCode.NoVacantBuildingInAreaRange, reason.Code);
        Assert.Contains("6,000–8,000 m²", reason.Message, StringComparison.Ordinal);
        Assert.Contains("ready by 2027-03-01", reason.Message, StringComparison.Ordinal);
        Assert.Contains("1 of them ready in time", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_plant_headroom_names_the_plant_and_the_discharge()
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_000, 5_000, 100, discharge: 12.5m)],
            [Park.Site("B1", "Z1", 3_000)],
            plants: [new PlantHeadroom("P1", ["Z1"], 8.2m)]);

        var reason = ReasonFor(Park.Solve(problem), "E1");

        Assert.Equal(UnplacedReasonCode.NoPlantHeadroom, reason.Code);
        Assert.Contains("12.5 t/day", reason.Message, StringComparison.Ordinal);
        Assert.Contains("P1 has 8.2 t/day left of 8.2", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_plant_headroom_counts_what_the_plan_already_sends_to_the_plant()
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_000, 5_000, 100, discharge: 6), Park.Candidate("E2", "pharma", 1_000, 5_000, 50, discharge: 6)],
            [Park.Site("B1", "Z1", 3_000), Park.Site("B2", "Z1", 3_000, x: 100)],
            plants: [new PlantHeadroom("P1", ["Z1"], 10)]);

        var reason = ReasonFor(Park.Solve(problem), "E2");

        Assert.Equal(UnplacedReasonCode.NoPlantHeadroom, reason.Code);
        Assert.Contains("P1 has 4 t/day left of 10", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_site_keeping_the_safety_distance_names_the_hazardous_neighbour()
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_000, 5_000, 100, hazard: 2), Park.Candidate("E2", "pharma", 1_000, 5_000, 50, hazard: 2)],
            [Park.Site("B1", "Z1", 3_000), Park.Site("B2", "Z1", 3_000, x: 100), Park.Site("B3", "Z1", 3_000, x: 600)],
            rules: Park.Rules(("Z1", ["pharma"])) with { SeparationMetres = 300 },
            hazards: [new HazardSite("H1", Park.Square(600, 100))]);

        var reason = ReasonFor(Park.Solve(problem), "E2");

        Assert.Equal(UnplacedReasonCode.NoSiteKeepsSafetyDistance, reason.Code);
        Assert.Equal(["E1"], reason.By);
        Assert.Contains("300 m", reason.Message, StringComparison.Ordinal);
        Assert.Contains("1 are within 300 m of an existing hazardous building", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outvalued_names_the_candidates_holding_the_fitting_sites_highest_value_first()
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_000, 5_000, 100), Park.Candidate("E2", "pharma", 1_000, 5_000, 300), Park.Candidate("E3", "pharma", 1_000, 5_000, 50)],
            [Park.Site("B1", "Z1", 3_000), Park.Site("B2", "Z1", 3_000, x: 100)]);

        var reason = ReasonFor(Park.Solve(problem), "E3");

        Assert.Equal(UnplacedReasonCode.Outvalued, reason.Code);
        Assert.Equal(["E2", "E1"], reason.By);
        Assert.Contains("E2 (300)", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_unplaced_candidate_of_a_large_plan_has_one_reason()
    {
        var problem = SyntheticAllocationProblem.Create(60, 80, seed: 3);
        var plan = GreedyAllocator.Allocate(problem);

        var unplaced = UnplacedExplainer.Explain(problem, plan);

        Assert.Equal(problem.Candidates.Count - plan.Count, unplaced.Count);
        Assert.All(unplaced, u => Assert.Single(u.Reasons));
        Assert.All(unplaced, u => Assert.False(string.IsNullOrWhiteSpace(u.Reasons[0].Message)));
    }
}
