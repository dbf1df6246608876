using Twin.Web.Security;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;

namespace Twin.Web.Tests;

/// <summary>The planner's flow through the HTTP API on the seed park, on a real Azurite, with the real optimiser.</summary>
public sealed class ScenarioApiTests(TwinApiFixture fixture) : IClassFixture<TwinApiFixture>
{
    private HttpClient? _planner;

    /// <summary>Scenarios are the planners': every scenario call signs in as <c>demo-planner</c>.</summary>
    private async Task<HttpClient> Planner() => _planner ??= await fixture.Host.ReadyClientAsync(TwinRoles.Planner);

    /// <summary>30 good candidates for the seed park, and 3 bad rows at lines 6, 17 and 33.</summary>
    private static string Csv()
    {
        var industries = new[] { "pharma", "pharma", "metal-furniture", "pharma", "chemical", "liquor", "pharma", "recycling", "electronics", "metal-furniture" };
        var lines = new List<string> { "id,name,industry,minArea,maxArea,floors,discharge,hazardClass,readyBy,value" };
        for (var i = 1; i <= 30; i++)
        {
            var industry = industries[i % industries.Length];
            var readyBy = i % 4 == 0 ? "2026-06-30" : "2027-12-31";
            var min = 4000 + (i % 5 * 1000);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"cand-{i:D2},\"候选企业{i:D2}, 有限公司\",{industry},{min},{min + 10000},{1 + (i % 3)},{20 + (i % 7 * 10)},{(industry == "chemical" ? 2 : 0)},{readyBy},{100 + (i * 37 % 400)}"));
        }

        lines.Insert(5, "bad-industry,坏行一,shipbuilding,5000,9000,2,10,0,2027-12-31,100");
        lines.Insert(16, "bad-area,坏行二,pharma,9000,5000,2,10,0,2027-12-31,100");
        lines.Insert(32, "bad-date,坏行三,pharma,5000,9000,2,10,0,2027-13-01,100");
        return string.Join("\n", lines) + "\n";
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> Send(HttpMethod method, string path, string? json = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }

        using var response = await (await Planner()).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject());
    }

    private async Task<JsonObject> CreateScenario(string name)
    {
        var (status, body) = await (await Planner()).Post("/api/scenarios", $$"""{"name": "{{name}}"}""");
        Assert.Equal(HttpStatusCode.Created, status);
        return body["scenario"]!.AsObject();
    }

    private static long Version(JsonObject scenario) => scenario["version"]!.GetValue<long>();

    private async Task<JsonObject> Scenario(string id) => (await (await Planner()).GetJson($"/api/scenarios/{id}"))["scenario"]!.AsObject();

    private async Task<JsonObject> RunToEnd(string id)
    {
        var (status, started) = await (await Planner()).Post($"/api/scenarios/{id}/runs", """{"timeLimitSeconds": 5}""");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var runId = started["runId"]!.GetValue<string>();
        for (var i = 0; i < 400; i++)
        {
            var run = await (await Planner()).GetJson($"/api/scenarios/{id}/runs/{runId}");
            if (run["status"]!.GetValue<string>() != "Running")
            {
                return run;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("the run did not end");
    }

    private static Dictionary<string, string> Plan(JsonObject scenario) =>
        scenario["plan"]!.AsArray().ToDictionary(p => p!["candidateId"]!.GetValue<string>(), p => p!["buildingId"]!.GetValue<string>());

    private async Task<string> LiveFingerprint() =>
        string.Join("\n", (await (await Planner()).Features("?kind=building")).Concat(await (await Planner()).Features("?kind=enterprise"))
            .Select(f => $"{f.Id()} {f.Version()}").Order(StringComparer.Ordinal));

    [Fact]
    public async Task A_planner_imports_runs_changes_a_rule_compares_and_commits_and_the_change_reaches_the_feed()
    {
        var live = await LiveFingerprint();
        var a = await CreateScenario("方案A");
        var id = a["id"]!.GetValue<string>();
        Assert.Contains(a["snapshot"]!["vacantBuildings"]!.AsArray(), b => b!["id"]!.GetValue<string>() == "building:yaodu-innov-pharma-p1-12");

        // Import: good rows kept, bad rows named by line and field.
        var (status, imported) = await Send(HttpMethod.Post, $"/api/scenarios/{id}/candidates/csv?expectedVersion={Version(a)}", Csv(), "text/csv");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(30, imported["added"]!.GetValue<int>());
        var errors = imported["errors"]!.AsArray().Select(e => (e!["line"]!.GetValue<int>(), e["field"]!.GetValue<string>())).ToList();
        Assert.Equal([(6, "industry"), (17, "maxArea"), (33, "readyBy")], errors);

        // Run: candidates placed, and every unplaced one has a reason.
        var run = await RunToEnd(id);
        Assert.Contains(run["status"]!.GetValue<string>(), new[] { "Optimal", "Feasible", "Greedy" });
        var afterFirst = await Scenario(id);
        var firstPlan = Plan(afterFirst);
        Assert.True(firstPlan.Count >= 10, $"only {firstPlan.Count} placed");
        var unplaced = afterFirst["lastRun"]!["unplaced"]!.AsArray();
        Assert.Contains(unplaced, u => u!["candidateId"]!.GetValue<string>() == "cand-07"); // recycling: no vacant building in the circular park
        Assert.All(unplaced, u => Assert.NotEmpty(u!["reasons"]!.AsArray()));
        Assert.Equal(live, await LiveFingerprint());

        // Copy, then change a rule in A: the pharma area of 药都创新创业园 takes nobody.
        var (copied, copyBody) = await (await Planner()).Post($"/api/scenarios/{id}/copy", """{"name": "方案B"}""");
        Assert.Equal(HttpStatusCode.Created, copied);
        var b = copyBody["scenario"]!.AsObject();
        var bId = b["id"]!.GetValue<string>();
        var rules = afterFirst["rules"]!.AsObject();
        var zoneRules = new JsonArray([.. rules["zoneIndustries"]!.AsArray().Select(r => (JsonNode)new JsonObject
        {
            ["zoneId"] = r!["zoneId"]!.GetValue<string>(),
            ["industries"] = r["zoneId"]!.GetValue<string>() == "zone:yaodu-innov-pharma" ? new JsonArray() : r["industries"]!.DeepClone(),
        })]);
        var (ruled, _) = await Send(HttpMethod.Put, $"/api/scenarios/{id}/rules",
            new JsonObject { ["zoneIndustries"] = zoneRules, ["hazardThreshold"] = 2, ["separationMetres"] = 100, ["expectedVersion"] = Version(afterFirst) }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, ruled);
        await RunToEnd(id);
        var afterSecond = await Scenario(id);
        var secondPlan = Plan(afterSecond);
        Assert.DoesNotContain(secondPlan.Values, v => v.StartsWith("building:yaodu-innov-pharma-", StringComparison.Ordinal));
        Assert.Contains(firstPlan.Values, v => v.StartsWith("building:yaodu-innov-pharma-", StringComparison.Ordinal));

        // Compare A and B.
        var comparison = await (await Planner()).GetJson($"/api/scenarios/compare?ids={id},{bId}");
        var figures = comparison["scenarios"]!.AsArray();
        Assert.Equal(2, figures.Count);
        Assert.Equal(secondPlan.Count, figures[0]!["placed"]!.GetValue<int>());
        Assert.Equal(firstPlan.Count, figures[1]!["placed"]!.GetValue<int>());
        Assert.NotEmpty(figures[0]!["plants"]!.AsArray());
        Assert.Contains(comparison["differences"]!.AsArray(), d => d!["buildingId"]!.GetValue<string>().StartsWith("building:yaodu-innov-pharma-", StringComparison.Ordinal));

        // Commit A while a browser listens.
        await using var connection = fixture.Host.HubConnection();
        var feed = new FeedListener(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "park");
        await feed.WaitForSnapshot("park");
        var preview = await (await Planner()).GetJson($"/api/scenarios/{id}/commit");
        Assert.Empty(preview["conflicts"]!.AsArray());
        Assert.Equal(secondPlan.Values.Distinct().Count(), preview["changes"]!.AsArray().Count(c => c!["action"]!.GetValue<string>() == "LetBuilding"));

        var (committed, commit) = await (await Planner()).Post($"/api/scenarios/{id}/commit", $$"""{"expectedVersion": {{Version(afterSecond)}}}""");

        Assert.Equal(HttpStatusCode.OK, committed);
        var enterpriseIds = commit["committed"]!["enterpriseIds"]!.AsObject();
        var (candidate, building) = secondPlan.First();
        var tenant = enterpriseIds[candidate]!.GetValue<string>();
        Assert.Equal(tenant, (await (await Planner()).Twin(building)).Prop("tenantId"));
        Assert.Equal("Signed", (await (await Planner()).Twin(tenant)).Prop("status"));
        var item = await feed.WaitForItem(i => i["id"]!.GetValue<string>() == building);
        Assert.Equal(tenant, item["changed"]!["tenantId"]!.GetValue<string>());
        await feed.WaitForItem(i => i["id"]!.GetValue<string>() == tenant);

        // B still believes the buildings A took are vacant, and a plant has filled up since: refused, nothing changed.
        var taken = secondPlan.Values.First();
        var bNow = await Scenario(bId);
        var someCandidate = Plan(bNow).Keys.First();
        var (assigned, assignedBody) = await (await Planner()).Post($"/api/scenarios/{bId}/assignments",
            $$"""{"candidateId": "{{someCandidate}}", "buildingId": "{{taken}}", "expectedVersion": {{Version(bNow)}}}""");
        Assert.True(assigned == HttpStatusCode.OK, assignedBody.ToJsonString());
        var drift = await (await Planner()).GetJson($"/api/scenarios/{bId}/drift");
        Assert.Contains(drift["items"]!.AsArray(), d => d!["twinId"]!.GetValue<string>() == taken && d["kind"]!.GetValue<string>() == "BuildingTaken");
        var (read, _) = await fixture.Client.Post("/api/plants/plant:yaodu-tech-interim/readings",
            $$"""{"at": "{{DateTimeOffset.UtcNow.AddSeconds(-1):O}}", "inflow": 5995, "cod": 30, "ammonia": 1, "totalPhosphorus": 0.2, "ph": 7}""");
        Assert.Equal(HttpStatusCode.OK, read);
        var beforeRefusal = await LiveFingerprint();

        var (refused, problem) = await (await Planner()).Post($"/api/scenarios/{bId}/commit", "{}");

        Assert.Equal(HttpStatusCode.Conflict, refused);
        var conflicts = problem["conflicts"]!.AsArray();
        Assert.Contains(conflicts, c => c!["twinId"]!.GetValue<string>() == taken && c["field"]!.GetValue<string>() == "tenantId");
        Assert.Contains(conflicts, c => c!["twinId"]!.GetValue<string>() == "plant:yaodu-tech-interim" && c["field"]!.GetValue<string>() == "headroom");
        Assert.Equal(beforeRefusal, await LiveFingerprint());
        Assert.Null((await Scenario(bId))["committed"]);
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_changes_nothing()
    {
        var s = await CreateScenario("错误输入");
        var id = s["id"]!.GetValue<string>();
        var version = Version(s);

        var cases = new (HttpMethod Method, string Path, string? Body, HttpStatusCode Status, string Field)[]
        {
            (HttpMethod.Post, "/api/scenarios", """{"name": ""}""", HttpStatusCode.BadRequest, "name"),
            (HttpMethod.Post, $"/api/scenarios/{id}/candidates", """{"id": "x1", "name": "甲", "industry": "pharma", "minArea": 5000, "maxArea": 4000, "readyBy": "2027-01-01"}""", HttpStatusCode.BadRequest, "maxArea"),
            (HttpMethod.Post, $"/api/scenarios/{id}/candidates", """{"id": "x1", "name": "甲", "industry": "pharma", "minArea": 5000, "maxArea": 6000, "readyBy": "someday"}""", HttpStatusCode.BadRequest, "readyBy"),
            (HttpMethod.Post, $"/api/scenarios/{id}/candidates", """{"id": "X 1", "name": "甲", "industry": "pharma", "minArea": 5000, "maxArea": 6000, "readyBy": "2027-01-01"}""", HttpStatusCode.BadRequest, "id"),
            (HttpMethod.Post, $"/api/scenarios/{id}/candidates", $$"""{"id": "x1", "name": "甲", "industry": "pharma", "minArea": 5000, "maxArea": 6000, "readyBy": "2027-01-01", "expectedVersion": {{version + 5}}}""", HttpStatusCode.Conflict, "expectedVersion"),
            (HttpMethod.Post, $"/api/scenarios/{id}/assignments", """{"candidateId": "nobody", "buildingId": "building:chengbei-p1-04"}""", HttpStatusCode.NotFound, "candidateId"),
            (HttpMethod.Post, $"/api/scenarios/{id}/buildings/building:chengbei-p1-01/completion", """{"expectedCompletion": "2027-01-01"}""", HttpStatusCode.NotFound, "buildingId"),
            (HttpMethod.Post, $"/api/scenarios/{id}/planned-buildings", """{"id": "building:plan-x", "name": "规划", "zoneId": "zone:chengbei", "floorArea": 5000, "readyOn": "2027-01-01", "footprint": {"type": "Point", "coordinates": [115.5, 27.9]}}""", HttpStatusCode.BadRequest, "footprint"),
            (HttpMethod.Put, $"/api/scenarios/{id}/rules", """{"zoneIndustries": [{"zoneId": "zone:nowhere", "industries": []}]}""", HttpStatusCode.BadRequest, "zoneIndustries[0].zoneId"),
            (HttpMethod.Post, $"/api/scenarios/{id}/runs", """{"timeLimitSeconds": 0}""", HttpStatusCode.BadRequest, "timeLimitSeconds"),
            (HttpMethod.Post, $"/api/scenarios/{id}/runs", "{}", HttpStatusCode.Conflict, "candidates"),
            (HttpMethod.Post, $"/api/scenarios/{id}/commit", "{}", HttpStatusCode.Conflict, "plan"),
            (HttpMethod.Post, $"/api/scenarios/{id}/name", """{"name": "改"}""".Replace("}", ", \"expectedVersion\": 0}", StringComparison.Ordinal), HttpStatusCode.Conflict, "expectedVersion"),
            (HttpMethod.Post, "/api/scenarios/scn-000000000000/name", """{"name": "改"}""", HttpStatusCode.NotFound, "id"),
            (HttpMethod.Get, "/api/scenarios/compare?ids=" + id, null, HttpStatusCode.BadRequest, "ids"),
            (HttpMethod.Post, $"/api/scenarios/{id}/candidates/csv", "id,name\nx,y\n", HttpStatusCode.BadRequest, "csv"),
        };
        foreach (var (method, path, body, expected, field) in cases)
        {
            var (status, problem) = await Send(method, path, body, path.EndsWith("/csv", StringComparison.Ordinal) ? "text/csv" : "application/json");
            Assert.True(expected == status, $"{method} {path}: {(int)status} {problem.ToJsonString()}");
            Assert.True(field == problem.ProblemField(), $"{method} {path}: field {problem.ProblemField()}, expected {field}");
        }

        Assert.Equal(version, Version(await Scenario(id)));
        var template = await (await Planner()).GetStringAsync(new Uri("/api/scenarios/candidates/template.csv", UriKind.Relative));
        Assert.StartsWith("id,name,industry,minArea,maxArea,floors,discharge,hazardClass,readyBy,value", template, StringComparison.Ordinal);
        var list = await (await Planner()).GetStringAsync(new Uri("/api/scenarios", UriKind.Relative));
        Assert.Contains(id, list, StringComparison.Ordinal);
    }
}
