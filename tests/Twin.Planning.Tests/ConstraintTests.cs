using Twin.Planning.Tests.Support;

namespace Twin.Planning.Tests;

/// <summary>One rule each: every case has a plan worth more that only that rule forbids.</summary>
public class ConstraintTests
{
    [Fact]
    public void A_zone_whose_rule_does_not_list_the_industry_takes_nobody_of_it()
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "chemicals", 1_000, 5_000, 100)],
            [Park.Site("B1", "Z1", 3_000)]);

        Assert.Null(Park.BuildingOf(Park.Solve(problem), "E1"));
    }

    [Fact]
    public void A_building_ready_after_the_candidates_date_or_with_no_date_is_not_given()
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_000, 5_000, 100, readyBy: Park.Day)],
            [Park.Site("B1", "Z1", 3_000, ready: Park.Day.AddDays(1)), Park.Site("B2", "Z1", 3_000, unknownReady: true), Park.Site("B3", "Z1", 3_000, ready: Park.Day)]);

        Assert.Equal("B3", Park.BuildingOf(Park.Solve(problem), "E1"));
    }

    [Theory]
    [InlineData(900)]
    [InlineData(5_001)]
    public void A_whole_building_outside_the_area_range_is_not_given(int area)
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_000, 5_000, 100)],
            [Park.Site("B1", "Z1", area)]);

        Assert.Null(Park.BuildingOf(Park.Solve(problem), "E1"));
    }

    [Fact]
    public void A_building_that_may_not_be_split_takes_one_tenant_the_most_valuable()
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_000, 5_000, 100, floors: 1), Park.Candidate("E2", "pharma", 1_000, 5_000, 80, floors: 1)],
            [Park.Site("B1", "Z1", 4_000, floors: 4)]);

        var result = Park.Solve(problem);

        Assert.Equal(["E1"], result.Assignments.Select(a => a.CandidateId));
    }

    [Fact]
    public void A_split_building_holds_tenants_floor_by_floor_up_to_its_floors()
    {
        // 4 floors of 1,000 m²: each candidate takes 2 floors (2,000 m², in range); three would need 6.
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_500, 2_500, 100, floors: 2), Park.Candidate("E2", "pharma", 1_500, 2_500, 90, floors: 2), Park.Candidate("E3", "food", 1_500, 2_500, 80, floors: 2)],
            [Park.Site("B1", "Z1", 4_000, floors: 4, split: true)]);

        var result = Park.Solve(problem);

        Assert.Equal(["E1", "E2"], result.Assignments.Select(a => a.CandidateId));
        Assert.All(result.Assignments, a => Assert.Equal("B1", a.BuildingId));
    }

    [Fact]
    public void A_share_of_floors_must_itself_be_in_the_area_range()
    {
        // One floor of B1 is 1,000 m², below E1's minimum; B1 whole (4,000 m²) is above its maximum.
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_500, 2_500, 100, floors: 1)],
            [Park.Site("B1", "Z1", 4_000, floors: 4, split: true)]);

        Assert.Null(Park.BuildingOf(Park.Solve(problem), "E1"));
    }

    [Fact]
    public void A_tenant_whose_share_does_not_fit_but_the_whole_does_takes_every_floor()
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 3_500, 4_500, 100, floors: 1), Park.Candidate("E2", "pharma", 900, 1_100, 50, floors: 1)],
            [Park.Site("B1", "Z1", 4_000, floors: 4, split: true)]);

        var result = Park.Solve(problem);

        Assert.Equal(["E1"], result.Assignments.Select(a => a.CandidateId));
    }

    [Fact]
    public void A_plant_takes_no_more_discharge_than_its_headroom()
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_000, 5_000, 100, discharge: 6), Park.Candidate("E2", "pharma", 1_000, 5_000, 90, discharge: 6), Park.Candidate("E3", "pharma", 1_000, 5_000, 10, discharge: 4)],
            [Park.Site("B1", "Z1", 3_000), Park.Site("B2", "Z2", 3_000), Park.Site("B3", "Z1", 3_000, x: 500)],
            plants: [new PlantHeadroom("P1", ["Z1", "Z2"], 10)]);

        var result = Park.Solve(problem);

        Assert.Equal(["E1", "E3"], result.Assignments.Select(a => a.CandidateId));
    }

    [Fact]
    public void Discharges_are_rounded_up_and_headroom_down_so_the_exact_sum_stays_within_it()
    {
        // 3 × 3.3334 = 10.0002 t/day > 10: only two fit, although each rounds to 3.333 at 0.001 when rounded to nearest.
        var problem = Park.Problem(
            [.. Enumerable.Range(1, 3).Select(i => Park.Candidate($"E{i}", "pharma", 1_000, 5_000, 100, discharge: 3.3334m))],
            [.. Enumerable.Range(1, 3).Select(i => Park.Site($"B{i}", "Z1", 3_000, x: i * 100))],
            plants: [new PlantHeadroom("P1", ["Z1"], 10)]);

        var result = Park.Solve(problem);

        Assert.Equal(2, result.Assignments.Count);
        Assert.Empty(Feasibility.Violations(problem, result.Assignments));
    }

    [Fact]
    public void Hazardous_candidates_keep_the_separation_from_each_other()
    {
        // B1 and B2 are 80 m apart (edges), B3 is 480 m from both.
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_000, 5_000, 100, hazard: 2), Park.Candidate("E2", "pharma", 1_000, 5_000, 90, hazard: 3), Park.Candidate("E3", "pharma", 1_000, 5_000, 80, hazard: 2)],
            [Park.Site("B1", "Z1", 3_000, x: 0), Park.Site("B2", "Z1", 3_000, x: 100), Park.Site("B3", "Z1", 3_000, x: 500, y: 500)],
            rules: Park.Rules(("Z1", ["pharma"])) with { SeparationMetres = 200 });

        var result = Park.Solve(problem);

        Assert.Equal(["E1", "E2"], result.Assignments.Select(a => a.CandidateId));
        Assert.Empty(Feasibility.Violations(problem, result.Assignments));
    }

    [Fact]
    public void Candidates_below_the_hazard_threshold_need_no_separation()
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_000, 5_000, 100, hazard: 1), Park.Candidate("E2", "pharma", 1_000, 5_000, 90, hazard: 1)],
            [Park.Site("B1", "Z1", 3_000, x: 0), Park.Site("B2", "Z1", 3_000, x: 100)],
            rules: Park.Rules(("Z1", ["pharma"])) with { SeparationMetres = 200 },
            hazards: [new HazardSite("H1", Park.Square(0, 50))]);

        Assert.Equal(2, Park.Solve(problem).Assignments.Count);
    }

    [Fact]
    public void Two_hazardous_candidates_do_not_share_a_split_building()
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 900, 1_100, 100, hazard: 2), Park.Candidate("E2", "pharma", 900, 1_100, 90, hazard: 2), Park.Candidate("E3", "pharma", 900, 1_100, 10)],
            [Park.Site("B1", "Z1", 4_000, floors: 4, split: true)],
            rules: Park.Rules(("Z1", ["pharma"])) with { SeparationMetres = 50 });

        var result = Park.Solve(problem);

        Assert.Equal(["E1", "E3"], result.Assignments.Select(a => a.CandidateId));
    }

    [Fact]
    public void Hazardous_candidates_keep_the_separation_from_existing_hazards()
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_000, 5_000, 100, hazard: 2)],
            [Park.Site("B1", "Z1", 3_000, x: 0), Park.Site("B2", "Z1", 3_000, x: 1_000)],
            rules: Park.Rules(("Z1", ["pharma"])) with { SeparationMetres = 300 },
            hazards: [new HazardSite("H1", Park.Square(150, 0))]);

        Assert.Equal("B2", Park.BuildingOf(Park.Solve(problem), "E1"));
    }

    [Fact]
    public void Value_comes_first_however_heavy_the_secondary_weights()
    {
        // Clustering E2 with E1 in Z1 and using B2 (no empty floors) would be worth a lot by the weights, but
        // E3 in B2 is worth 0.01 more.
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_000, 3_000, 100), Park.Candidate("E2", "pharma", 1_000, 3_000, 50), Park.Candidate("E3", "food", 1_000, 3_000, 50.01m)],
            [Park.Site("B1", "Z1", 2_000), Park.Site("B2", "Z1", 2_000, x: 100)],
            rules: Park.Rules(("Z1", ["pharma", "food"])) with { ClusterWeight = 1_000_000, WasteWeight = 1_000 });

        var result = Park.Solve(problem);

        Assert.Equal(150.01m, result.TotalValue);
        Assert.Contains("E3", result.Assignments.Select(a => a.CandidateId));
    }

    [Fact]
    public void Among_plans_of_equal_value_candidates_of_one_industry_go_to_one_zone()
    {
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_000, 3_000, 100), Park.Candidate("E2", "pharma", 1_000, 1_500, 100)],
            [Park.Site("B1", "Z1", 2_000), Park.Site("B2", "Z2", 2_000, x: 100), Park.Site("B3", "Z2", 1_200, x: 200)],
            rules: Park.Rules(("Z1", ["pharma"]), ("Z2", ["pharma"])) with { ClusterWeight = 1, WasteWeight = 0 });

        var result = Park.Solve(problem);

        // E2 fits only B3 (Z2); E1 fits B1 (Z1) and B2 (Z2): clustering puts it in Z2.
        Assert.Equal("B2", Park.BuildingOf(result, "E1"));
        Assert.Equal("B3", Park.BuildingOf(result, "E2"));
    }

    [Fact]
    public void Among_plans_of_equal_value_the_one_leaving_fewer_floors_empty_wins()
    {
        // E1 takes 2 floors of either split building: with E2 already in B1 (2 of 4 floors), joining it leaves no empty floor.
        var problem = Park.Problem(
            [Park.Candidate("E1", "pharma", 1_500, 2_500, 100, floors: 2), Park.Candidate("E2", "food", 1_500, 2_500, 100, floors: 2)],
            [Park.Site("B1", "Z1", 4_000, floors: 4, split: true), Park.Site("B2", "Z1", 4_000, floors: 4, split: true, x: 100)],
            rules: Park.Rules(("Z1", ["pharma", "food"])) with { ClusterWeight = 0, WasteWeight = 1 });

        var result = Park.Solve(problem);

        Assert.Equal(2, result.Assignments.Count);
        Assert.Single(result.Assignments.Select(a => a.BuildingId).Distinct());
    }
}
