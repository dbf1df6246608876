using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Twin.Web.Security;

namespace Twin.Web.Tests;

/// <summary>Lockout, keys, the audit trail and the hardening, on a real silo and Azurite.</summary>
public sealed class SecurityTests(TwinApiFixture fixture) : IClassFixture<TwinApiFixture>
{
    [Fact]
    public async Task An_account_is_locked_after_five_wrong_passwords_and_then_even_the_right_one_fails_until_an_admin_resets_it()
    {
        using var admin = await fixture.Host.ReadyClientAsync(TwinRoles.Admin);
        var name = $"locked-{Guid.NewGuid():N}"[..14];
        var (status, created) = await admin.Post("/api/admin/users", $$"""{"name": "{{name}}", "roles": ["viewer"]}""");
        Assert.Equal(HttpStatusCode.Created, status);
        var password = created["oneTimePassword"]!.GetValue<string>();
        using var client = await fixture.Host.AnonymousClientAsync();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.Post("/api/auth/login", $$"""{"userName": "{{name}}", "password": "wrong-{{i}}"}""")).Status);
        }

        var (locked, problem) = await client.Post("/api/auth/login", $$"""{"userName": "{{name}}", "password": "{{password}}"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, locked);
        Assert.Equal("password", problem.ProblemField());
        var users = await admin.GetFromJsonAsync<JsonArray>(new Uri("/api/admin/users", UriKind.Relative));
        Assert.NotNull(users!.Single(u => u!["name"]!.GetValue<string>() == name)!["lockedUntil"]);

        var (reset, fresh) = await admin.Post($"/api/admin/users/{name}/reset-password", "{}");
        Assert.Equal(HttpStatusCode.OK, reset);
        var (ok, session) = await client.Post("/api/auth/login", $$"""{"userName": "{{name}}", "password": "{{fresh["oneTimePassword"]}}"}""");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.True(session["mustChangePassword"]!.GetValue<bool>());
        Assert.Empty(session["roles"]!.AsArray());
    }

    [Fact]
    public async Task A_device_key_sends_readings_only_to_its_own_twins_and_stops_working_the_moment_it_is_revoked()
    {
        using var admin = await fixture.Host.ReadyClientAsync(TwinRoles.Admin);
        var stations = (await admin.Features("?kind=station")).Select(s => s.Id()).ToList();
        var (own, other) = (stations[0], stations[1]);
        var (status, created) = await admin.Post("/api/admin/keys", $$"""{"name": "air sensor", "kind": "Device", "bindings": ["{{own}}"]}""");
        Assert.Equal(HttpStatusCode.Created, status);
        var key = created["key"]!.GetValue<string>();
        var id = created["record"]!["id"]!.GetValue<string>();
        Assert.DoesNotContain(key, (await admin.GetStringAsync(new Uri("/api/admin/keys", UriKind.Relative))), StringComparison.Ordinal);
        using var device = await fixture.Host.KeyClientAsync(key);
        var at = DateTimeOffset.UtcNow;

        var (sent, result) = await device.Post("/api/ingest", $$$"""
            {"readings": [
              {"twinId": "{{{own}}}", "at": "{{{at:O}}}", "values": {"pm25": 30}},
              {"twinId": "{{{other}}}", "at": "{{{at:O}}}", "values": {"pm25": 31}},
              {"twinId": "station:does-not-exist", "at": "{{{at:O}}}", "values": {"pm25": 32}}
            ]}
            """);

        Assert.Equal(HttpStatusCode.OK, sent);
        var statuses = result["results"]!.AsArray().Select(r => r!["status"]!.GetValue<string>()).ToList();
        Assert.Equal(["accepted", "forbidden", "forbidden"], statuses);
        Assert.Equal(HttpStatusCode.Forbidden, (await device.Get($"/api/twins/{own}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await device.Post($"/api/stations/{own}/readings", $$$"""{"at": "{{{at.AddSeconds(1):O}}}", "values": {"pm25": 1}}""")).Status);

        using var revoke = await admin.DeleteAsync(new Uri($"/api/admin/keys/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        var (after, _) = await device.Post("/api/ingest", $$$"""{"readings": [{"twinId": "{{{own}}}", "at": "{{{at.AddSeconds(2):O}}}", "values": {"pm25": 33}}]}""");
        Assert.Equal(HttpStatusCode.Unauthorized, after);
    }

    [Fact]
    public async Task A_display_key_shows_its_wall_and_reads_the_park_but_changes_nothing_and_reads_no_audit()
    {
        var display = await fixture.Host.CallerAsync(Caller.Display);
        using var client = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        async Task<HttpStatusCode> Send(HttpMethod method, string path, string? body = null)
        {
            using var request = display.Apply(new HttpRequestMessage(method, path));
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        var building = (await fixture.Client.Features("?kind=building"))[0].Id();
        Assert.Equal(HttpStatusCode.OK, await Send(HttpMethod.Get, "/api/stats"));
        Assert.Equal(HttpStatusCode.OK, await Send(HttpMethod.Get, "/api/features?kind=zone"));
        Assert.Equal(HttpStatusCode.Forbidden, await Send(HttpMethod.Get, $"/api/twins/{building}/audit"));
        Assert.Equal(HttpStatusCode.Forbidden, await Send(HttpMethod.Post, $"/api/buildings/{building}/progress", """{"floorsBuilt": 1, "stage": "Piling"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, await Send(HttpMethod.Get, "/api/admin/users"));
        using var session = await client.SendAsync(display.Apply(new HttpRequestMessage(HttpMethod.Get, "/api/auth/session")));
        Assert.Equal("main", (await session.Content.ReadFromJsonAsync<JsonObject>())!["wall"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_accepted_command_of_a_random_sequence_is_in_its_twins_audit_trail_with_who_and_the_states_before_and_after()
    {
        var operatorClient = fixture.Client;
        using var viewer = await fixture.Host.ReadyClientAsync(TwinRoles.Viewer);
        var stations = (await operatorClient.Features("?kind=station")).Take(3).Select(s => s.Id()).ToList();
        var enterprises = (await operatorClient.Features("?kind=enterprise")).Take(3).Select(e => e.Id()).ToList();
        var before = new Dictionary<string, int>();
        foreach (var id in stations.Concat(enterprises))
        {
            before[id] = (await viewer.GetFromJsonAsync<JsonArray>(new Uri($"/api/twins/{id}/audit?limit=1000", UriKind.Relative)))!.Count;
        }

        var random = new Random(20261127);
        var accepted = stations.Concat(enterprises).ToDictionary(id => id, _ => new List<long>());
        var refused = stations.Concat(enterprises).ToDictionary(id => id, _ => 0);
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        for (var i = 0; i < 40; i++)
        {
            var station = random.Next(2) == 0;
            var id = station ? stations[random.Next(stations.Count)] : enterprises[random.Next(enterprises.Count)];
            var stale = random.Next(5) == 0;
            var expected = stale ? ",\"expectedVersion\": 1" : "";
            at = at.AddSeconds(1);
            var (status, body) = station
                ? await operatorClient.Post($"/api/stations/{id}/readings", $$$"""{"at": "{{{at:O}}}", "values": {"pm25": {{{random.Next(10, 90)}}}}{{{expected}}}}""")
                : await operatorClient.Post($"/api/enterprises/{id}/figures", $$"""{"month": "2026-{{random.Next(1, 12):D2}}", "revenue": {{random.Next(100, 900)}}, "tax": {{random.Next(5, 50)}}, "exports": 0{{expected}}}""");
            if (status == HttpStatusCode.OK)
            {
                accepted[id].Add(body.Version());
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, status);
                refused[id]++;
            }
        }

        Assert.True(accepted.Values.Sum(v => v.Count) > 20);
        Assert.True(refused.Values.Sum() > 0);
        foreach (var id in accepted.Keys)
        {
            var trail = (await viewer.GetFromJsonAsync<JsonArray>(new Uri($"/api/twins/{id}/audit?limit=1000", UriKind.Relative)))!
                .Skip(before[id]).Select(e => e!.AsObject()).ToList();
            var ok = trail.Where(e => e["outcome"]!.GetValue<string>() == "Accepted").ToList();
            Assert.Equal(accepted[id], ok.Select(e => e["versionAfter"]!.GetValue<long>()));
            Assert.Equal(refused[id], trail.Count(e => e["outcome"]!.GetValue<string>() == "Conflict"));
            Assert.All(trail, e => Assert.Equal("user:demo-operator", e["actor"]!.GetValue<string>()));
            Assert.All(ok, e =>
            {
                var stateBefore = JsonNode.Parse(e["before"]!.GetValue<string>())!;
                var stateAfter = JsonNode.Parse(e["after"]!.GetValue<string>())!;
                Assert.Equal(e["versionBefore"]!.GetValue<long>(), stateBefore["version"]!.GetValue<long>());
                Assert.Equal(e["versionAfter"]!.GetValue<long>(), stateAfter["version"]!.GetValue<long>());
                Assert.Equal(stateBefore["version"]!.GetValue<long>() + 1, stateAfter["version"]!.GetValue<long>());
                Assert.Equal(id.StartsWith("station:", StringComparison.Ordinal) ? "station.reading" : "enterprise.figures", e["command"]!.GetValue<string>());
            });
        }

        // The last accepted entry's "after" is the twin as it is now.
        var last = accepted.First(kv => kv.Value.Count > 0);
        var now = await viewer.Twin(last.Key);
        var trailNow = (await viewer.GetFromJsonAsync<JsonArray>(new Uri($"/api/twins/{last.Key}/audit?limit=1", UriKind.Relative)))!;
        Assert.Equal(now.Version(), JsonNode.Parse(trailNow.Single()!["after"]!.GetValue<string>())!["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_cookie_session_write_without_the_anti_forgery_token_is_refused_and_changes_nothing()
    {
        var operatorCaller = await fixture.Host.CallerAsync(TwinRoles.Operator);
        var station = (await fixture.Client.Features("?kind=station"))[0];
        using var client = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/stations/{station.Id()}/readings")
        {
            Content = new StringContent($$$"""{"at": "{{{DateTimeOffset.UtcNow:O}}}", "values": {"pm25": 1}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Cookie", operatorCaller.Cookie);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SecurityServiceExtensions.AntiforgeryHeader, (await response.Content.ReadFromJsonAsync<JsonObject>())!.ProblemField());
        Assert.Equal(station.Version(), (await fixture.Client.Twin(station.Id())).Version());
    }

    [Fact]
    public async Task Every_answer_carries_a_content_security_policy_that_allows_only_the_twins_own_origin()
    {
        using var client = await fixture.Host.AnonymousClientAsync();
        foreach (var path in new[] { "/healthz", "/api/stats", "/login" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("http", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task A_body_above_the_limit_is_refused_with_413_before_it_is_read()
    {
        var building = (await fixture.Client.Features("?kind=building"))[0];
        var padding = new string(' ', 300 * 1024);
        var (status, problem) = await fixture.Client.Post($"/api/buildings/{building.Id()}/progress", $$"""{"floorsBuilt": 1, {{padding}} "stage": "Piling"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("body", problem.ProblemField());
        Assert.Equal(building.Version(), (await fixture.Client.Twin(building.Id())).Version());
    }

    [Fact]
    public async Task The_first_start_creates_an_admin_whose_one_time_password_must_be_changed_and_demo_adds_one_account_per_role()
    {
        // This host runs with demo accounts; the admin of the first start exists beside them and has to change its password.
        using var admin = await fixture.Host.ReadyClientAsync(TwinRoles.Admin);
        var users = (await admin.GetFromJsonAsync<JsonArray>(new Uri("/api/admin/users", UriKind.Relative)))!.Select(u => u!.AsObject()).ToList();
        var first = users.Single(u => u["name"]!.GetValue<string>() == AccountBootstrap.AdminName);
        Assert.True(first["mustChangePassword"]!.GetValue<bool>());
        Assert.Equal(["admin"], first["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        foreach (var role in TwinRoles.All)
        {
            var demo = users.Single(u => u["name"]!.GetValue<string>() == AccountBootstrap.DemoPrefix + role);
            Assert.Equal([role], demo["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
            Assert.False(demo["mustChangePassword"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_rate_limit_get_429_with_retry_after()
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        await using var host = new TwinHost(azurite.ConnectionString, $"r{Guid.NewGuid():N}"[..20]);
        host.Settings["Twin:Auth:SignInPermitsPerMinute"] = "3";
        using var client = await host.AnonymousClientAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.Post("/api/auth/login", """{"userName": "nobody", "password": "guess"}""")).Status);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        using var limited = await client.PostAsync(new Uri("/api/auth/login", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }
}
