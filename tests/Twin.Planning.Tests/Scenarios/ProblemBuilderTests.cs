using NetTopologySuite.Geometries;
using Twin.Contracts.Model;
using Twin.Planning.Scenarios;
using Twin.Spatial;

namespace Twin.Planning.Tests.Scenarios;

public sealed class ProblemBuilderTests
{
    private static readonly Polygon Box = TwinGeometry.Box(115.50, 27.90, 115.501, 27.901);

    private static ScenarioState Scenario()
    {
        var snapshot = new LiveSnapshot
        {
            CentreLon = 115.5,
            CentreLat = 27.9,
            Zones = [new("zone:a", "甲区", null, ZoneIndustry.Pharma), new("zone:c", "循环区", null, ZoneIndustry.Recycling)],
            VacantBuildings =
            [
                new("building:done", "1号", "zone:a", 1, ConstructionStage.Completed, 6000, 4, false, null, Box),
                new("building:rising", "2号", "zone:a", 1, ConstructionStage.Structure, 6000, 4, false, new DateOnly(2027, 5, 31), Box),
                new("building:nodate", "3号", "zone:a", 1, ConstructionStage.ToppedOut, 6000, 4, false, null, Box),
            ],
            Plants =
            [
                new("plant:running", "运行厂", 1, PlantStatus.Operating, 1000, 400, ["zone:a"]),
                new("plant:building", "在建厂", 1, PlantStatus.UnderConstruction, 10000, 0, ["zone:a", "zone:c"]),
            ],
            Hazards = [new("building:chem", "enterprise:chem", 3, Box), new("building:mild", "enterprise:mild", 1, Box)],
        };
        return new ScenarioState { Id = "scn-000000000001", Name = "t", Snapshot = snapshot, Rules = DefaultRules.For(snapshot.Zones) };
    }

    [Fact]
    public void ACompletedBuildingIsReadyNowARisingOneOnItsDateOrTheScenariosAndOneWithoutADateNever()
    {
        var scenario = Scenario() with { CompletionOverrides = new Dictionary<string, DateOnly> { ["building:nodate"] = new(2027, 9, 1) } };

        var sites = ProblemBuilder.Build(scenario).Sites.ToDictionary(s => s.BuildingId, s => s.ReadyOn);

        Assert.Equal(DateOnly.MinValue, sites["building:done"]);
        Assert.Equal(new DateOnly(2027, 5, 31), sites["building:rising"]);
        Assert.Equal(new DateOnly(2027, 9, 1), sites["building:nodate"]);
        Assert.Null(ProblemBuilder.Build(Scenario()).Sites.Single(s => s.BuildingId == "building:nodate").ReadyOn);
    }

    [Fact]
    public void APlantNotRunningCountsOnlyWhereNoRunningPlantServesWithNoHeadroom()
    {
        var plants = ProblemBuilder.Build(Scenario()).Plants.ToDictionary(p => p.PlantId);

        Assert.Equal(600, plants["plant:running"].Headroom);
        Assert.Equal(["zone:c"], plants["plant:building"].ZoneIds);
        Assert.Equal(0, plants["plant:building"].Headroom);
    }

    [Fact]
    public void PinnedPlacementsLeaveTheProblemAndTakeTheirDischargeFromTheHeadroom()
    {
        var candidate = new Candidate("p1", "甲", "pharma", 1000, 8000, 1, 150, 3, new DateOnly(2027, 1, 1), 10);
        var scenario = Scenario() with
        {
            Candidates = [new(candidate, CandidateSource.Planner), new(candidate with { Id = "p2" }, CandidateSource.Planner)],
            Plan = [new("p1", "building:done", AssignmentSource.Manual)],
        };

        var problem = ProblemBuilder.Build(scenario);

        Assert.Equal(["p2"], problem.Candidates.Select(c => c.Id));
        Assert.DoesNotContain(problem.Sites, s => s.BuildingId == "building:done");
        Assert.Equal(450, problem.Plants.Single(p => p.PlantId == "plant:running").Headroom);
        // The pinned hazardous candidate's site and the class-3 neighbour keep their distance; the class-1 one does not.
        Assert.Equal(["building:chem", "building:done"], problem.ExistingHazards.Select(h => h.BuildingId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DefaultRulesFollowTheZonesIndustry()
    {
        var rules = Scenario().Rules.ZoneIndustries.ToDictionary(r => r.ZoneId, r => r.Industries);

        Assert.Contains("pharma", rules["zone:a"]);
        Assert.Equal(["recycling"], rules["zone:c"]);
    }
}
