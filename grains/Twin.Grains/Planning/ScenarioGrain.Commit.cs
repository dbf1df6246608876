using Microsoft.Extensions.Logging;
using NetTopologySuite.Geometries;
using Twin.Planning.Allocation;
using Twin.Planning.Scenarios;

namespace Twin.Grains.Planning;

/// <summary>
/// Commit: all or nothing across grains without a distributed transaction. Read every live
/// twin the plan touches and check the plan against it (refuse with the list of conflicts, nothing
/// changed); then apply each change through the twin's own command with the version just read as
/// its expected version, so a twin that moved meanwhile refuses; if one step fails, undo the
/// steps already applied in reverse order (through commands too, so the feed carries the undo)
/// and report the failure. Enterprise twins created for planner candidates cannot be deleted:
/// undone, they are moved out and marked Exited.
/// </summary>
public sealed partial class ScenarioGrain
{
    public async Task<CommitPreview?> PreviewCommit()
    {
        if (Current is not { } scenario)
        {
            return null;
        }

        var (_, changes, conflicts) = CommitPlanner.Plan(scenario, await ReadLive(scenario), c => NewEnterpriseId(c, "…"));
        return new CommitPreview(changes, conflicts);
    }

    public async Task<ScenarioResult> Commit(long? expectedVersion)
    {
        if (Refusal(expectedVersion, editing: true) is { } refused)
        {
            return refused;
        }

        var scenario = Current!;
        if (scenario.Plan.Count == 0)
        {
            return ScenarioResult.Conflict("plan", "the scenario places no candidate; nothing to commit", scenario);
        }

        var attempt = Guid.NewGuid().ToString("N")[..6];
        var (plan, changes, conflicts) = CommitPlanner.Plan(scenario, await ReadLive(scenario), c => NewEnterpriseId(c, attempt));
        if (conflicts.Count > 0)
        {
            return ScenarioResult.Conflict("plan", $"the live park no longer allows {conflicts.Count} part(s) of the plan; nothing was changed", scenario)
                with { Conflicts = conflicts };
        }

        var undo = new Stack<Func<Task<CommandResult>>>();
        foreach (var building in plan)
        {
            CommitConflict? failure;
            try
            {
                failure = await Apply(building, undo);
            }
#pragma warning disable CA1031 // A step that throws (storage down, silo gone) fails the commit like a refusal: undo and report.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = new CommitConflict(building.Site.BuildingId, "commit", $"a step failed: {e.Message}");
            }

            if (failure is not null)
            {
                var undoFailures = await Compensate(undo);
                LogCommitFailed(logger, scenario.Id, failure.TwinId, failure.Field, failure.Reason, undoFailures.Count);
                return ScenarioResult.Conflict("plan", $"the commit failed at '{failure.TwinId}' and was undone; nothing stays changed" +
                    (undoFailures.Count > 0 ? $" except {undoFailures.Count} step(s) that could not be undone (listed)" : ""), scenario)
                    with { Conflicts = [failure, .. undoFailures] };
            }
        }

        var ids = plan.SelectMany(b => b.Tenants).ToDictionary(t => t.Candidate.Id, t => t.EnterpriseId, StringComparer.Ordinal);
        var written = await Write(scenario with { Committed = new CommitRecord(DateTimeOffset.UtcNow, changes, ids) });
        return ScenarioResult.Accepted(written);
    }

    private static string NewEnterpriseId(Candidate c, string attempt)
    {
        var slug = TwinIds.IsKind(c.Id, TwinKind.Enterprise) ? c.Id["enterprise:".Length..] : c.Id;
        return $"enterprise:plan-{slug}-{attempt}";
    }

    private async Task<LiveFacts> ReadLive(ScenarioState scenario)
    {
        var buildings = new Dictionary<string, BuildingState?>(StringComparer.Ordinal);
        foreach (var id in scenario.Plan.Select(p => p.BuildingId).Distinct(StringComparer.Ordinal))
        {
            buildings[id] = await GrainFactory.GetGrain<IBuildingGrain>(id).GetState() as BuildingState;
        }

        var enterprises = new Dictionary<string, EnterpriseState?>(StringComparer.Ordinal);
        foreach (var c in scenario.Candidates.Where(c => c.Source == CandidateSource.Signed && scenario.Plan.Any(p => p.CandidateId == c.Candidate.Id)))
        {
            enterprises[c.Candidate.Id] = await GrainFactory.GetGrain<IEnterpriseGrain>(c.Candidate.Id).GetState() as EnterpriseState;
        }

        var plants = new Dictionary<string, PlantState?>(StringComparer.Ordinal);
        foreach (var p in scenario.Snapshot.Plants)
        {
            plants[p.Id] = await GrainFactory.GetGrain<IPlantGrain>(p.Id).GetState() as PlantState;
        }

        return new LiveFacts(buildings, enterprises, plants);
    }

    /// <summary>Applies one building's part; pushes the undo of every step that took; returns the failure, if any.</summary>
    private async Task<CommitConflict?> Apply(BuildingCommit building, Stack<Func<Task<CommandResult>>> undo)
    {
        var site = building.Site;
        var tenantIds = building.Tenants.Select(t => t.EnterpriseId).ToList();
        var buildingGrain = GrainFactory.GetGrain<IBuildingGrain>(site.BuildingId);
        CommandResult let;
        if (site.Planned)
        {
            let = await buildingGrain.Create(new BuildingState
            {
                Id = site.BuildingId,
                Name = site.Name,
                ZoneId = site.ZoneId,
                Use = BuildingUse.Industrial,
                FloorsPlanned = site.Floors,
                Stage = ConstructionStage.Planned,
                FloorArea = site.FloorArea,
                AllowsSplit = site.AllowsSplit,
                ExpectedCompletion = site.ReadyOn,
                TenantId = tenantIds[0],
                CoTenantIds = [.. tenantIds.Skip(1)],
                Geometry = site.Footprint,
            });
            if (let.IsAccepted && (let.State?.Version != 1 || ((BuildingState)let.State).TenantId != tenantIds[0]))
            {
                return new CommitConflict(site.BuildingId, "id", "a building with this id appeared in the live twin during the commit");
            }

            if (let.IsAccepted)
            {
                await GrainFactory.GetGrain<IZoneGrain>(site.ZoneId).AddMembers([site.BuildingId]);
            }
        }
        else
        {
            let = await buildingGrain.Let(new BuildingLetting(tenantIds, building.ExpectedVersion));
        }

        if (!let.IsAccepted)
        {
            return new CommitConflict(site.BuildingId, let.Field ?? "tenantId", let.Error ?? "refused");
        }

        undo.Push(() => buildingGrain.Vacate(new BuildingVacating(tenantIds)));
        var location = site.Footprint.InteriorPoint;
        foreach (var (candidate, enterpriseId, create, expectedVersion, previousGeometry) in building.Tenants)
        {
            var enterprise = GrainFactory.GetGrain<IEnterpriseGrain>(enterpriseId);
            if (create)
            {
                var created = await enterprise.Create(new EnterpriseState
                {
                    Id = enterpriseId,
                    Name = candidate.Name,
                    ZoneId = site.ZoneId,
                    Industry = IndustryKeys.IndustryOf(candidate.Industry),
                    Status = EnterpriseStatus.Signed,
                    BuildingIds = [site.BuildingId],
                    Discharge = candidate.Discharge,
                    HazardClass = candidate.HazardClass,
                    Geometry = location,
                });
                if (!created.IsAccepted || created.State?.Version != 1)
                {
                    return new CommitConflict(enterpriseId, created.Field ?? "id", created.Error ?? "an enterprise with this id exists already", candidate.Id);
                }

                await GrainFactory.GetGrain<IZoneGrain>(site.ZoneId).AddMembers([enterpriseId]);
                undo.Push(async () =>
                {
                    var moved = await enterprise.MoveOut(new EnterpriseMoveOut([site.BuildingId], null));
                    return moved.IsAccepted ? await enterprise.ChangeStatus(new EnterpriseStatusChange(EnterpriseStatus.Exited)) : moved;
                });
            }
            else
            {
                var moved = await enterprise.MoveIn(new EnterpriseMoveIn([site.BuildingId], location, expectedVersion));
                if (!moved.IsAccepted)
                {
                    return new CommitConflict(enterpriseId, moved.Field ?? "buildingIds", moved.Error ?? "refused", candidate.Id);
                }

                undo.Push(() => enterprise.MoveOut(new EnterpriseMoveOut([site.BuildingId], previousGeometry)));
            }
        }

        return null;
    }

    private static async Task<List<CommitConflict>> Compensate(Stack<Func<Task<CommandResult>>> undo)
    {
        var failures = new List<CommitConflict>();
        while (undo.TryPop(out var step))
        {
            try
            {
                var result = await step();
                if (!result.IsAccepted)
                {
                    failures.Add(new(result.State?.Id ?? "?", result.Field ?? "undo", $"could not be undone: {result.Error}"));
                }
            }
#pragma warning disable CA1031 // Every step is tried, whatever one of them throws.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add(new("?", "undo", $"could not be undone: {e.Message}"));
            }
        }

        return failures;
    }

}
