using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Twin.Planning.Allocation;
using Twin.Planning.Scenarios;
using Twin.Web.Catalog;
using Twin.Web.Security;
using Twin.Contracts.Security;

namespace Twin.Web.Api;

/// <summary>
/// The planner's scenarios under <c>/api/scenarios</c>: made from the live catalog, edited
/// without touching the live twin, optimised, compared, and committed all or nothing.
/// Every mutation takes <c>expectedVersion</c> (409 when stale); every bad input is a
/// ProblemDetails naming the field, and changes nothing.
/// </summary>
public static partial class ScenarioApi
{
    [GeneratedRegex("^scn-[a-f0-9]{12}$")]
    private static partial Regex ScenarioId();

    public static RouteGroupBuilder MapScenarioApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        // Scenarios, the optimiser and commit are the planners' (reads included: scenarios are work in progress).
        var scenarios = api.MapGroup("/scenarios").WithTags("Scenarios").RequireAuthorization(TwinPolicies.Plan);
        scenarios.MapGet("/", async (IGrainFactory grains) => TypedResults.Json(await Directory(grains).List()))
            .WithSummary("The scenarios, newest first");
        scenarios.MapPost("/", Create).WithSummary("Create a scenario from the live twin as it is now (body: name)")
            .Accepts<ScenarioNameRequest>("application/json").ProducesValidationProblem();
        scenarios.MapGet("/candidates/template.csv", () => TypedResults.Text(CandidateCsv.Template, "text/csv; charset=utf-8", Encoding.UTF8))
            .WithSummary("The CSV template for importing candidates");
        scenarios.MapGet("/compare", Compare).WithSummary("Two or more scenarios side by side (ids=a,b,...)");
        scenarios.MapGet("/{id}", async (string id, IGrainFactory grains) =>
                await Load(grains, id) is { } s ? TypedResults.Json(ScenarioView.Of(s)) : (IResult)ScenarioProblems.NoScenario(id))
            .WithSummary("A scenario: its candidates, plan, rules, last run, sites and figures");
        scenarios.MapDelete("/{id}", async (string id, long? expectedVersion, IGrainFactory grains) =>
                await Send(grains, id, g => g.Delete(expectedVersion), _ => TypedResults.NoContent()))
            .WithSummary("Delete a scenario");
        scenarios.MapGet("/{id}/drift", Drift).WithSummary("How far the live park has drifted since the scenario was made");

        Mutation<ScenarioNameRequest>(scenarios, "/{id}/name", (r, _) => new Rename(r.Name ?? ""))
            .WithSummary("Rename a scenario");
        scenarios.MapPost("/{id}/copy", Copy).WithSummary("Copy a scenario (same snapshot, candidates, plan and rules) under a new name");
        Mutation<CandidateRequest>(scenarios, "/{id}/candidates", (r, _) =>
                new AddCandidates([new CandidateEntry(ToCandidate(r), CandidateSource.Planner)]))
            .WithSummary("Add a planner's candidate");
        scenarios.MapPut("/{id}/candidates/{candidateId}", UpdateCandidate).WithSummary("Edit a candidate (the body's id must be the path's)");
        scenarios.MapDelete("/{id}/candidates/{candidateId}", (string id, string candidateId, long? expectedVersion, IGrainFactory grains) =>
                Send(grains, id, g => g.Edit(new RemoveCandidate(candidateId), expectedVersion)))
            .WithSummary("Remove a candidate (and its placement)");
        Mutation<VersionRequest>(scenarios, "/{id}/candidates/signed", (_, s) => new AddCandidates(SignedCandidates.From(s)))
            .WithSummary("Add every enterprise Signed in the twin without a building (defaults for area, floors, ready-by and value)");
        // No Accepts("text/csv") metadata: it would make routing refuse other content types (404/415) before authorization answers.
        scenarios.MapPost("/{id}/candidates/csv", ImportCsv)
            .WithSummary("Import candidates from CSV (the template's columns); bad rows are reported by line and field, good rows kept");
        Mutation<AssignRequest>(scenarios, "/{id}/assignments", (r, _) => new Assign(r.CandidateId, r.BuildingId))
            .WithSummary("Place a candidate into a vacant or planned building of the scenario (kept when the optimiser runs again)");
        scenarios.MapDelete("/{id}/assignments/{candidateId}", (string id, string candidateId, long? expectedVersion, IGrainFactory grains) =>
                Send(grains, id, g => g.Edit(new Unassign(candidateId), expectedVersion)))
            .WithSummary("Take a candidate out of its building in the scenario");
        Mutation<CompletionRequest>(scenarios, "/{id}/buildings/{buildingId}/completion", null)
            .WithSummary("Move a building's expected completion in the scenario (null: back to the live date)");
        Mutation<PlannedBuildingRequest>(scenarios, "/{id}/planned-buildings", (r, _) => new AddPlannedBuilding(
                new PlannedBuilding(r.Id, r.Name, r.ZoneId, r.FloorArea, r.Floors, r.AllowsSplit, r.ReadyOn, r.Footprint)))
            .WithSummary("Add a planned building with its footprint (GeoJSON Polygon)");
        scenarios.MapDelete("/{id}/planned-buildings/{buildingId}", (string id, string buildingId, long? expectedVersion, IGrainFactory grains) =>
                Send(grains, id, g => g.Edit(new RemovePlannedBuilding(buildingId), expectedVersion)))
            .WithSummary("Remove a planned building (and the placements in it)");
        Mutation<RulesRequest>(scenarios, "/{id}/rules", (r, _) => new SetRules(new AllocationRules(
                [.. r.ZoneIndustries.Select(z => new ZoneRule(z.ZoneId, z.Industries))], r.HazardThreshold, r.SeparationMetres, r.ClusterWeight, r.WasteWeight)),
                put: true)
            .WithSummary("Replace the scenario's rules: which industries each zone accepts, the hazard threshold and safety distance");

        scenarios.MapPost("/{id}/runs", StartRun).WithSummary("Run the optimiser on the scenario in the background (202 with the run id)")
            .Accepts<RunRequest>("application/json").ProducesValidationProblem();
        scenarios.MapGet("/{id}/runs/{runId}", async (string id, string runId, IGrainFactory grains) =>
                ScenarioId().IsMatch(id) && await grains.GetGrain<IScenarioGrain>(id).GetRun(runId) is { } run
                    ? TypedResults.Json(run)
                    : (IResult)ScenarioProblems.NotFound("runId", $"no run '{runId}' in scenario '{id}'"))
            .WithSummary("A run's progress (elapsed, objective, bound, gap) or its result");
        scenarios.MapPost("/{id}/runs/{runId}/cancel", async (string id, string runId, IGrainFactory grains) =>
                ScenarioId().IsMatch(id) && await grains.GetGrain<IScenarioGrain>(id).CancelRun(runId)
                    ? TypedResults.Accepted($"/api/scenarios/{id}/runs/{runId}")
                    : (IResult)ScenarioProblems.NotFound("runId", $"no run '{runId}' going in scenario '{id}'"))
            .WithSummary("Cancel a run: it stops and keeps the best plan found so far");

        scenarios.MapGet("/{id}/commit", async (string id, IGrainFactory grains) =>
                ScenarioId().IsMatch(id) && await grains.GetGrain<IScenarioGrain>(id).PreviewCommit() is { } preview
                    ? TypedResults.Json(preview)
                    : (IResult)ScenarioProblems.NoScenario(id))
            .WithSummary("What committing the scenario would change in the live twin now, and what would refuse it");
        Mutation<VersionRequest>(scenarios, "/{id}/commit", null, commit: true)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Apply the scenario's plan to the live twin, all or nothing (409 with the conflicts when the park has drifted)");
        return api;
    }

    private static IScenarioDirectoryGrain Directory(IGrainFactory grains) => grains.GetGrain<IScenarioDirectoryGrain>(IScenarioDirectoryGrain.Key);

    private static async Task<ScenarioState?> Load(IGrainFactory grains, string id) =>
        ScenarioId().IsMatch(id) ? await grains.GetGrain<IScenarioGrain>(id).GetState() : null;

    private static async Task<IResult> Send(IGrainFactory grains, string id, Func<IScenarioGrain, Task<ScenarioResult>> send, Func<ScenarioState, IResult>? accepted = null)
    {
        if (!ScenarioId().IsMatch(id))
        {
            return ScenarioProblems.NoScenario(id);
        }

        return ScenarioProblems.From(await send(grains.GetGrain<IScenarioGrain>(id)), accepted);
    }

    /// <summary>A POST (or PUT) whose body becomes one edit of the scenario, with the body's expected version.</summary>
    private static RouteHandlerBuilder Mutation<TRequest>(RouteGroupBuilder group, string pattern, Func<TRequest, ScenarioState, ScenarioEdit>? edit, bool put = false, bool commit = false)
        where TRequest : class
    {
        Delegate handler = async (string id, HttpContext http, JsonElement body, IGrainFactory grains) =>
        {
            if (await Load(grains, id) is not { } scenario)
            {
                return ScenarioProblems.NoScenario(id);
            }

            if (!RequestBody.TryBind<TRequest>(body, out var request, out var problem))
            {
                return problem;
            }

            var expected = (long?)typeof(TRequest).GetProperty("ExpectedVersion")!.GetValue(request);
            var grain = grains.GetGrain<IScenarioGrain>(id);
            if (commit)
            {
                // The twins record who committed, on their audit trail (the context flows through the scenario grain's calls).
                AuditContext.Set(http.User.ActorId(), $"commit scenario {id}");
                return ScenarioProblems.From(await grain.Commit(expected), s => TypedResults.Json(new { committed = s.Committed, scenario = ScenarioView.Of(s) }));
            }

            var change = edit is not null ? edit(request, scenario)
                : request is CompletionRequest c ? new SetCompletion((string)http.Request.RouteValues["buildingId"]!, c.ExpectedCompletion)
                : throw new InvalidOperationException("no edit");
            return ScenarioProblems.From(await grain.Edit(change, expected));
        };
        var route = put ? group.MapPut(pattern, handler) : group.MapPost(pattern, handler);
        return route.Accepts<TRequest>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Candidate ToCandidate(CandidateRequest r) =>
        new(r.Id, r.Name, r.Industry, r.MinArea, r.MaxArea, r.Floors, r.Discharge, r.HazardClass, r.ReadyBy, r.Value);

    private static async Task<IResult> Create(JsonElement body, IGrainFactory grains, TwinCatalog catalog)
    {
        if (!RequestBody.TryBind<ScenarioNameRequest>(body, out var request, out var problem))
        {
            return problem;
        }

        if (!catalog.IsReady || catalog.Projection is not { } projection)
        {
            return Problems.Unavailable("the twin is still loading");
        }

        var snapshot = Snapshots.Take(catalog.All, projection.CentralLongitude, projection.OriginLatitude, DateTimeOffset.UtcNow);
        var id = NewId();
        return ScenarioProblems.From(await grains.GetGrain<IScenarioGrain>(id).Create(request.Name ?? "", snapshot),
            s => TypedResults.Created($"/api/scenarios/{s.Id}", ScenarioView.Of(s)));
    }

    private static async Task<IResult> Copy(string id, JsonElement body, IGrainFactory grains)
    {
        if (await Load(grains, id) is not { } source)
        {
            return ScenarioProblems.NoScenario(id);
        }

        if (!RequestBody.TryBind<ScenarioNameRequest>(body, out var request, out var problem))
        {
            return problem;
        }

        var copy = NewId();
        return ScenarioProblems.From(await grains.GetGrain<IScenarioGrain>(copy).Create(request.Name ?? $"{source.Name} (copy)", source.Snapshot, source.Id, source),
            s => TypedResults.Created($"/api/scenarios/{s.Id}", ScenarioView.Of(s)));
    }

    private static async Task<IResult> UpdateCandidate(string id, string candidateId, JsonElement body, IGrainFactory grains)
    {
        if (await Load(grains, id) is null)
        {
            return ScenarioProblems.NoScenario(id);
        }

        if (!RequestBody.TryBind<CandidateRequest>(body, out var request, out var problem))
        {
            return problem;
        }

        if (request.Id != candidateId)
        {
            return Problems.Invalid("id", $"the body's id '{request.Id}' is not the path's '{candidateId}'");
        }

        return ScenarioProblems.From(await grains.GetGrain<IScenarioGrain>(id).Edit(new UpdateCandidate(ToCandidate(request)), request.ExpectedVersion));
    }

    private static async Task<IResult> ImportCsv(string id, HttpRequest http, IGrainFactory grains, long? expectedVersion = null)
    {
        if (await Load(grains, id) is not { } scenario)
        {
            return ScenarioProblems.NoScenario(id);
        }

        string text;
        using (var reader = new StreamReader(http.Body, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(http.HttpContext.RequestAborted);
        }

        if (text.Length > 2_000_000)
        {
            return Problems.Invalid("body", "the CSV is larger than 2 MB");
        }

        var (rows, parseErrors) = CandidateCsv.Parse(text);
        var held = scenario.Candidates.Select(c => c.Candidate.Id).ToHashSet(StringComparer.Ordinal);
        var errors = parseErrors.Concat(rows.Where(r => held.Contains(r.Candidate.Id))
            .Select(r => new CsvRowError(r.Line, "id", $"candidate '{r.Candidate.Id}' is in the scenario already"))).OrderBy(e => e.Line).ToList();
        var good = rows.Where(r => !held.Contains(r.Candidate.Id)).Select(r => new CandidateEntry(r.Candidate, CandidateSource.Csv)).ToList();
        if (good.Count == 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["csv"] = [.. errors.Select(e => $"line {e.Line}, {e.Field}: {e.Error}")] },
                title: "No row of the CSV could be taken",
                extensions: new Dictionary<string, object?> { ["field"] = "csv", ["rows"] = errors });
        }

        var result = await grains.GetGrain<IScenarioGrain>(id).Edit(new AddCandidates(good), expectedVersion);
        return ScenarioProblems.From(result, s => TypedResults.Json(new { added = good.Count, errors, scenario = ScenarioView.Of(s) }));
    }

    private static async Task<IResult> StartRun(string id, JsonElement body, IGrainFactory grains)
    {
        if (await Load(grains, id) is null)
        {
            return ScenarioProblems.NoScenario(id);
        }

        if (!RequestBody.TryBind<RunRequest>(body, out var r, out var problem))
        {
            return problem;
        }

        if (!double.IsFinite(r.TimeLimitSeconds) || r.TimeLimitSeconds is < 1 or > 600)
        {
            return Problems.Invalid("timeLimitSeconds", "the time limit is 1 to 600 s");
        }

        if (r.Workers is < 1 or > 8)
        {
            return Problems.Invalid("workers", "workers are 1 to 8");
        }

        if (!double.IsFinite(r.RelativeGap) || r.RelativeGap is < 0 or > 1)
        {
            return Problems.Invalid("relativeGap", "the relative gap is 0 to 1");
        }

        var options = new SolveOptions(TimeSpan.FromSeconds(r.TimeLimitSeconds), r.Seed, r.RelativeGap, r.Workers);
        var result = await grains.GetGrain<IScenarioGrain>(id).StartRun(options, r.ExpectedVersion);
        return ScenarioProblems.From(result, s => TypedResults.Accepted($"/api/scenarios/{id}/runs/{result.RunId}", new { runId = result.RunId, version = s.Version }));
    }

    private static async Task<IResult> Drift(string id, IGrainFactory grains, TwinCatalog catalog)
    {
        if (await Load(grains, id) is not { } scenario)
        {
            return ScenarioProblems.NoScenario(id);
        }

        var items = Twin.Planning.Scenarios.Drift.Compare(scenario.Snapshot, catalog.Find);
        return TypedResults.Json(new { takenAt = scenario.Snapshot.TakenAt, items });
    }

    private static async Task<IResult> Compare(IGrainFactory grains, string? ids = null)
    {
        var list = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count < 2)
        {
            return Problems.Invalid("ids", "name two or more scenarios: ids=a,b");
        }

        var states = new List<ScenarioState>();
        foreach (var id in list)
        {
            if (await Load(grains, id) is not { } s)
            {
                return ScenarioProblems.NotFound("ids", $"no scenario '{id}'");
            }

            states.Add(s);
        }

        return TypedResults.Json(Comparison.Compare(states));
    }

    private static string NewId() => $"scn-{Guid.NewGuid():N}"[..16];
}
