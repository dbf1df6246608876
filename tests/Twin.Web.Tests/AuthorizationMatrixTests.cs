using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Twin.Web.Security;

namespace Twin.Web.Tests;

/// <summary>
/// Every endpoint and every hub method, as every kind of caller. The endpoints come from the
/// running app's endpoint list, so an endpoint added without a policy fails here; what each
/// policy allows is written out below, once, as the product's rule.
/// </summary>
public sealed partial class AuthorizationMatrixTests(TwinApiFixture fixture) : IClassFixture<TwinApiFixture>
{
    private static readonly string[] People = [.. TwinRoles.All];

    /// <summary>Who may pass each policy.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [TwinPolicies.Read] = [.. People, Caller.Display],
        [TwinPolicies.ReadAudit] = People,
        [TwinPolicies.Operate] = [TwinRoles.Operator],
        [TwinPolicies.Plan] = [TwinRoles.Planner],
        [TwinPolicies.Present] = [TwinRoles.Presenter],
        [TwinPolicies.Admin] = [TwinRoles.Admin],
        [TwinPolicies.Ingest] = [Caller.Device],
        [TwinPolicies.WallDisplay] = [.. People, Caller.Display],
        [TwinPolicies.Person] = People,
    };

    [Fact]
    public void Every_endpoint_names_a_known_policy_or_allows_anonymous_access_explicitly()
    {
        var endpoints = Endpoints();
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.True(
            e.Anonymous || e.Policies.Count > 0 && e.Policies.All(Allowed.ContainsKey),
            $"{e.Method} {e.Pattern}: no policy from TwinPolicies (found [{string.Join(", ", e.Policies)}]) and no AllowAnonymous"));
        Assert.Equal(TwinPolicies.All.Order(), Allowed.Keys.Order());
    }

    [Fact]
    public async Task Every_endpoint_answers_401_to_nobody_403_to_the_wrong_caller_and_lets_the_right_ones_through()
    {
        await fixture.Host.AnonymousClientAsync();
        using var client = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in Endpoints())
        {
            var allowed = endpoint.Anonymous ? [.. Caller.All] : endpoint.Policies.Select(p => Allowed[p]).Aggregate((a, b) => [.. a.Intersect(b)]);
            foreach (var who in Caller.All)
            {
                var caller = await fixture.Host.CallerAsync(who);
                using var request = caller.Apply(new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.SampleUrl()));
                if (endpoint.Method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                checkedCount++;
                var expected = allowed.Contains(who) ? "through" : who == Caller.Anonymous ? "401" : "403";
                var ok = expected switch
                {
                    "through" => status is not (401 or 403),
                    "401" => status == 401,
                    _ => status == 403,
                };
                if (!ok)
                {
                    failures.Add($"{endpoint.Method} {endpoint.Pattern} as {who}: {status}, expected {expected}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(checkedCount >= 30 * Caller.All.Count, $"only {checkedCount} requests: the endpoint list looks short");
    }

    [Fact]
    public void Every_hub_method_has_a_policy_on_itself_or_its_hub()
    {
        foreach (var hub in HubTypes())
        {
            var hubPolicy = hub.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).ToList();
            foreach (var method in HubMethods(hub))
            {
                var policies = hubPolicy.Concat(method.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy)).ToList();
                Assert.True(policies.Count > 0 && policies.All(p => p is not null && Allowed.ContainsKey(p)),
                    $"{hub.Name}.{method.Name} has no policy from TwinPolicies");
            }
        }
    }

    [Fact]
    public async Task The_live_feed_lets_people_and_wall_screens_subscribe_and_refuses_nobody_and_device_keys()
    {
        foreach (var who in Caller.All)
        {
            var caller = await fixture.Host.CallerAsync(who);
            await using var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(fixture.Host.Server.BaseAddress, "/hubs/twin"), o =>
                {
                    o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                    o.HttpMessageHandlerFactory = _ => fixture.Host.Server.CreateHandler();
                    if (caller.Cookie is not null)
                    {
                        o.Headers["Cookie"] = caller.Cookie;
                    }

                    if (caller.ApiKey is not null)
                    {
                        o.Headers[ApiKeyService.HeaderName] = caller.ApiKey;
                    }
                })
                .Build();
            var snapshot = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            connection.On<JsonObject>("snapshot", _ => snapshot.TrySetResult(true));

            var allowed = Allowed[TwinPolicies.Read].Contains(who);
            if (allowed)
            {
                await connection.StartAsync();
                await connection.InvokeAsync("Subscribe", "stats");
                Assert.True(await snapshot.Task.WaitAsync(TimeSpan.FromSeconds(20)), who);
                await connection.InvokeAsync("Unsubscribe", "stats");
            }
            else
            {
                var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
                Assert.Equal(who == Caller.Anonymous ? System.Net.HttpStatusCode.Unauthorized : System.Net.HttpStatusCode.Forbidden, error.StatusCode);
            }
        }
    }

    [Fact]
    public async Task A_caller_who_may_not_read_cannot_tell_an_existing_twin_from_a_missing_one()
    {
        var existing = (await fixture.Client.Features("?kind=building"))[0].Id();
        foreach (var who in new[] { Caller.Anonymous, Caller.Device })
        {
            var caller = await fixture.Host.CallerAsync(who);
            using var client = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            var answers = new List<(int, string)>();
            foreach (var id in new[] { existing, "building:does-not-exist" })
            {
                foreach (var path in new[] { $"/api/twins/{id}", $"/api/twins/{id}/audit", $"/api/twins/{id}/related" })
                {
                    using var response = await client.SendAsync(caller.Apply(new HttpRequestMessage(HttpMethod.Get, path)));
                    // Everything but the trace id (which differs per request) must be the same.
                    var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
                    body.Remove("traceId");
                    answers.Add(((int)response.StatusCode, body.ToJsonString().Replace(id, "ID", StringComparison.Ordinal)));
                }
            }

            Assert.Equal(answers.Take(3), answers.Skip(3));
            Assert.All(answers, a => Assert.Equal(who == Caller.Anonymous ? 401 : 403, a.Item1));
        }
    }

    private List<EndpointInfo> Endpoints()
    {
        var source = fixture.Host.Services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>().SelectMany(e =>
        {
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(default)").Distinct().ToList();
            return methods.Where(m => m != "OPTIONS").Select(m => new EndpointInfo(m, e.RoutePattern.RawText ?? "", anonymous, policies));
        })];
    }

    private static IEnumerable<Type> HubTypes() =>
        typeof(Twin.Web.Hosting.TwinWebExtensions).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Hub)) && !t.IsAbstract);

    private static IEnumerable<MethodInfo> HubMethods(Type hub) =>
        hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName);

    private sealed record EndpointInfo(string Method, string Pattern, bool Anonymous, List<string> Policies)
    {
        /// <summary>The pattern with every parameter filled by a value of the right shape that names nothing real.</summary>
        public Uri SampleUrl()
        {
            var path = Parameter().Replace(Pattern, m => m.Groups["name"].Value switch
            {
                // The demo display key shows wall main: a wall id it may show, so the wall id check passes too.
                "id" when Pattern.StartsWith("/api/walls/", StringComparison.Ordinal) => "main",
                "id" => "building:matrix-none",
                "zoneId" => "zone:matrix-none",
                "name" => "matrix-none",
                _ => "matrix-none",
            });
            return new Uri(path.StartsWith('/') ? path : "/" + path, UriKind.Relative);
        }
    }

    [GeneratedRegex(@"\{\*?(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
