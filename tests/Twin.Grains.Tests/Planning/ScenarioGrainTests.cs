using Twin.Planning.Allocation;
using Twin.Planning.Scenarios;
using Twin.Spatial;

namespace Twin.Grains.Tests.Planning;

[Collection(ClusterCollection.Name)]
public sealed class ScenarioGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    private static string NewScenarioId() => $"scn-{Guid.NewGuid():N}"[..16];

    private static Candidate Candidate(string id, string industry = "pharma", decimal discharge = 10, int hazard = 0, decimal value = 100) =>
        new(id, $"候选企业 {id}", industry, 3000, 7000, 2, discharge, hazard, new DateOnly(2027, 12, 31), value);

    private async Task<(ScenarioPark Park, IScenarioGrain Scenario)> NewScenario(string? signedId = null)
    {
        var park = await ScenarioPark.Create(Grains, signedId);
        var scenario = Grains.GetGrain<IScenarioGrain>(NewScenarioId());
        var created = await scenario.Create("测试方案", await park.Snapshot(Grains));
        Assert.True(created.IsAccepted, created.Error);
        return (park, scenario);
    }

    private static async Task<ScenarioState> Edit(IScenarioGrain scenario, ScenarioEdit edit)
    {
        var result = await scenario.Edit(edit, null);
        Assert.True(result.IsAccepted, $"{edit.GetType().Name}: {result.Field} {result.Error}");
        return result.State!;
    }

    private static async Task<RunRecord> RunToEnd(IScenarioGrain scenario)
    {
        var started = await scenario.StartRun(new SolveOptions(TimeSpan.FromSeconds(5)), null);
        Assert.True(started.IsAccepted, started.Error);
        for (var i = 0; i < 600; i++)
        {
            var run = await scenario.GetRun(started.RunId!);
            if (run is { Status: not RunStatus.Running })
            {
                return run;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("the run did not end");
    }

    [Fact]
    public async Task EveryScenarioOperationLeavesTheLiveTwinUnchanged()
    {
        var (park, scenario) = await NewScenario();
        var before = await park.States(Grains);
        var state = (await scenario.GetState())!;

        await Edit(scenario, new AddCandidates([new(Candidate("p1"), CandidateSource.Planner), new(Candidate("p2"), CandidateSource.Csv)]));
        await Edit(scenario, new AddCandidates(SignedCandidates.From((await scenario.GetState())!)));
        await Edit(scenario, new UpdateCandidate(Candidate("p2", value: 300)));
        await Edit(scenario, new Assign("p1", park.A.Id));
        await Edit(scenario, new Unassign("p1"));
        await Edit(scenario, new Assign("p1", park.B.Id));
        await Edit(scenario, new SetCompletion(park.C.Id, new DateOnly(2027, 1, 15)));
        await Edit(scenario, new AddPlannedBuilding(new PlannedBuilding("building:t-planned-" + Guid.NewGuid().ToString("N")[..8], "规划厂房", park.Zone.Id, 5000, 3, false,
            new DateOnly(2027, 6, 1), TwinGeometry.Box(115.502, 27.903, 115.5028, 27.9036))));
        await Edit(scenario, new SetRules(state.Rules with { SeparationMetres = 150 }));
        await Edit(scenario, new Rename("测试方案（改）"));
        var run = await RunToEnd(scenario);
        var copy = Grains.GetGrain<IScenarioGrain>(NewScenarioId());
        Assert.True((await copy.Create("副本", state.Snapshot, state.Id, await scenario.GetState())).IsAccepted);
        Assert.True((await copy.Edit(new RemoveCandidate("p2"), null)).IsAccepted);
        Assert.True((await copy.Delete(null)).IsAccepted);

        Assert.True(run.Status is RunStatus.Optimal or RunStatus.Feasible or RunStatus.Greedy, $"{run.Status}: {run.Error}");
        Assert.True(run.Placed >= 1);
        var after = await park.States(Grains);
        for (var i = 0; i < before.Count; i++)
        {
            TestTwins.AssertSameState(before[i], after[i]);
        }
    }

    [Fact]
    public async Task ARunPlacesCandidatesAndKeepsManualPlacementsPinned()
    {
        var (park, scenario) = await NewScenario();
        await Edit(scenario, new AddCandidates([new(Candidate("p1"), CandidateSource.Planner), new(Candidate("p2"), CandidateSource.Planner),
            new(Candidate("metal", industry: "metal-furniture"), CandidateSource.Planner)]));
        await Edit(scenario, new Assign("p1", park.B.Id));

        var run = await RunToEnd(scenario);

        var state = (await scenario.GetState())!;
        Assert.Equal(run.RunId, state.LastRun!.RunId);
        Assert.Contains(state.Plan, p => p is { CandidateId: "p1", Source: AssignmentSource.Manual } && p.BuildingId == park.B.Id);
        Assert.Contains(state.Plan, p => p is { CandidateId: "p2", Source: AssignmentSource.Optimiser });
        var unplaced = Assert.Single(state.LastRun.Unplaced);
        Assert.Equal("metal", unplaced.CandidateId);
        Assert.Contains(unplaced.Reasons, r => r.Code == UnplacedReasonCode.NoZoneAcceptsIndustry);
    }

    [Fact]
    public async Task CopyRenameAndDeleteKeepScenariosApart()
    {
        var (_, scenario) = await NewScenario();
        var original = await Edit(scenario, new AddCandidates([new(Candidate("p1"), CandidateSource.Planner)]));
        var directory = Grains.GetGrain<IScenarioDirectoryGrain>(IScenarioDirectoryGrain.Key);

        var copyId = NewScenarioId();
        var copy = Grains.GetGrain<IScenarioGrain>(copyId);
        var copied = await copy.Create("副本", original.Snapshot, original.Id, original);
        Assert.True(copied.IsAccepted);
        Assert.Equal(original.Id, copied.State!.CopiedFrom);
        Assert.Single(copied.State.Candidates);
        await Edit(copy, new RemoveCandidate("p1"));
        Assert.Single((await scenario.GetState())!.Candidates);

        var stale = await scenario.Edit(new Rename("改名"), original.Version - 1);
        Assert.Equal(CommandOutcome.Conflict, stale.Outcome);
        Assert.Equal("expectedVersion", stale.Field);
        var renamed = await scenario.Edit(new Rename("改名"), original.Version);
        Assert.True(renamed.IsAccepted);
        Assert.Equal(original.Version + 1, renamed.State!.Version);
        Assert.Contains(await directory.List(), s => s.Id == original.Id && s.Name == "改名");
        Assert.Contains(await directory.List(), s => s.Id == copyId);

        Assert.Equal(CommandOutcome.Invalid, (await scenario.Edit(new Rename(" "), null)).Outcome);
        Assert.True((await copy.Delete(null)).IsAccepted);
        Assert.Null(await copy.GetState());
        Assert.DoesNotContain(await directory.List(), s => s.Id == copyId);
        Assert.Equal("改名", (await scenario.GetState())!.Name);
    }

    [Fact]
    public async Task DriftNamesBuildingsTakenStagesChangedAndPlantLoad()
    {
        var (park, scenario) = await NewScenario();
        var taker = await TestTwins.Enterprise(Grains, park.Zone.Id, EnterpriseStatus.Signed);
        Assert.True((await Grains.GetGrain<IBuildingGrain>(park.A.Id).Let(new BuildingLetting([taker.Id]))).IsAccepted);
        Assert.True((await Grains.GetGrain<IBuildingGrain>(park.C.Id).ReportProgress(new BuildingProgress(4, ConstructionStage.ToppedOut))).IsAccepted);
        Assert.True((await Grains.GetGrain<IPlantGrain>(park.Plant.Id).RecordReading(new PlantReading(
            new EffluentReading { At = DateTimeOffset.UtcNow, Inflow = 900, Cod = 30, Ammonia = 1, TotalPhosphorus = 0.2, Ph = 7 }))).IsAccepted);
        var live = (await park.States(Grains)).ToDictionary(s => s.Id);

        var drift = Drift.Compare((await scenario.GetState())!.Snapshot, id => live.GetValueOrDefault(id));

        Assert.Contains(drift, d => d.TwinId == park.A.Id && d.Kind == DriftKind.BuildingTaken && d.After == taker.Id);
        Assert.Contains(drift, d => d.TwinId == park.C.Id && d.Kind == DriftKind.StageChanged && d.After == "ToppedOut");
        Assert.Contains(drift, d => d.TwinId == park.Plant.Id && d.Kind == DriftKind.PlantLoadChanged && d.After == "900");
        Assert.DoesNotContain(drift, d => d.TwinId == park.B.Id);
        Assert.Empty(Drift.Compare((await park.Snapshot(Grains)), id => live.GetValueOrDefault(id)));
    }

    [Fact]
    public async Task ACommitAgainstADriftedParkIsRefusedWithTheConflictsAndChangesNothing()
    {
        var (park, scenario) = await NewScenario();
        await Edit(scenario, new AddCandidates([new(Candidate("p1"), CandidateSource.Planner), new(Candidate("p2"), CandidateSource.Planner)]));
        await Edit(scenario, new Assign("p1", park.A.Id));
        await Edit(scenario, new Assign("p2", park.B.Id));
        var taker = await TestTwins.Enterprise(Grains, park.Zone.Id, EnterpriseStatus.Signed);
        Assert.True((await Grains.GetGrain<IBuildingGrain>(park.A.Id).Let(new BuildingLetting([taker.Id]))).IsAccepted);
        var before = await park.States(Grains);

        var result = await scenario.Commit(null);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal((park.A.Id, "tenantId"), (conflict.TwinId, conflict.Field));
        var after = await park.States(Grains);
        for (var i = 0; i < before.Count; i++)
        {
            TestTwins.AssertSameState(before[i], after[i]);
        }

        Assert.Null((await scenario.GetState())!.Committed);
    }

    [Fact]
    public async Task ACommitThatFailsMidwayIsUndone()
    {
        var (park, scenario) = await NewScenario(signedId: $"{FailingCalls.Prefix}{Guid.NewGuid():N}"[..40]);
        var signed = (await scenario.GetState())!.Snapshot.SignedEnterprises.Single();
        await Edit(scenario, new AddCandidates([new(Candidate("p1"), CandidateSource.Planner), .. SignedCandidates.From((await scenario.GetState())!)]));
        var (first, second) = string.CompareOrdinal(park.A.Id, park.B.Id) < 0 ? (park.A, park.B) : (park.B, park.A);
        await Edit(scenario, new Assign("p1", first.Id));
        await Edit(scenario, new Assign(signed.Id, second.Id));

        var result = await scenario.Commit(null);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        // The failure only: every undo succeeded.
        var failure = Assert.Single(result.Conflicts);
        Assert.Equal((second.Id, "commit"), (failure.TwinId, failure.Field));
        foreach (var id in new[] { first.Id, second.Id })
        {
            var building = (BuildingState)(await Grains.GetTwin(id)!.GetState())!;
            Assert.Null(building.TenantId);
            Assert.Equal(3, building.Version); // let, then vacated
        }

        var created = (await Grains.GetGrain<IZoneGrain>(park.Zone.Id).GetMembers()).Single(m => m.StartsWith("enterprise:plan-p1-", StringComparison.Ordinal));
        var enterprise = (EnterpriseState)(await Grains.GetTwin(created)!.GetState())!;
        Assert.Equal(EnterpriseStatus.Exited, enterprise.Status);
        Assert.Empty(enterprise.BuildingIds);
        Assert.Empty(((EnterpriseState)(await Grains.GetTwin(signed.Id)!.GetState())!).BuildingIds);
        Assert.Null((await scenario.GetState())!.Committed);
    }

    [Fact]
    public async Task ACommitLetsBuildingsMovesSignedEnterprisesInAndCreatesTheOthers()
    {
        var (park, scenario) = await NewScenario();
        var signed = park.Signed.Id;
        var planned = "building:t-planned-" + Guid.NewGuid().ToString("N")[..8];
        await Edit(scenario, new AddCandidates([new(Candidate("p1"), CandidateSource.Planner), new(Candidate("p3"), CandidateSource.Csv),
            .. SignedCandidates.From((await scenario.GetState())!)]));
        await Edit(scenario, new AddPlannedBuilding(new PlannedBuilding(planned, "规划厂房", park.Zone.Id, 5000, 3, false, new DateOnly(2027, 6, 1),
            TwinGeometry.Box(115.502, 27.903, 115.5028, 27.9036))));
        await Edit(scenario, new Assign("p1", park.A.Id));
        await Edit(scenario, new Assign(signed, park.B.Id));
        await Edit(scenario, new Assign("p3", planned));

        var result = await scenario.Commit(null);

        Assert.True(result.IsAccepted, $"{result.Field}: {result.Error} {string.Join("; ", result.Conflicts.Select(c => c.Reason))}");
        var committed = result.State!.Committed!;
        var p1 = committed.EnterpriseIds["p1"];
        Assert.Equal(p1, ((BuildingState)(await Grains.GetTwin(park.A.Id)!.GetState())!).TenantId);
        Assert.Equal(signed, ((BuildingState)(await Grains.GetTwin(park.B.Id)!.GetState())!).TenantId);
        var newEnterprise = (EnterpriseState)(await Grains.GetTwin(p1)!.GetState())!;
        Assert.Equal((EnterpriseStatus.Signed, park.A.Id), (newEnterprise.Status, newEnterprise.BuildingIds.Single()));
        Assert.Equal([park.B.Id], ((EnterpriseState)(await Grains.GetTwin(signed)!.GetState())!).BuildingIds);
        var plannedNow = (BuildingState)(await Grains.GetTwin(planned)!.GetState())!;
        Assert.Equal((ConstructionStage.Planned, committed.EnterpriseIds["p3"]), (plannedNow.Stage, plannedNow.TenantId));
        Assert.Equal(CommandOutcome.Conflict, (await scenario.Commit(null)).Outcome);
    }
}
