using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Twin.Web.Security;

namespace Twin.Web.Tests.Infrastructure;

/// <summary>
/// The real silo executable (Orleans silo + web front) in process, on Azurite, with its own
/// silo and gateway ports and a service id of its own so test classes never share twins. It runs
/// with the demo accounts (<c>Twin:Demo</c>), so a test signs in as <c>demo-{role}</c> like a user of
/// <c>./twin run --demo</c> would, with the credentials the host printed to its file.
/// </summary>
public sealed class TwinHost(string connectionString, string serviceId) : WebApplicationFactory<Program>
{
    /// <summary>The demo credentials file of this host (written by the host on start).</summary>
    public string CredentialsFile { get; } = Path.Combine(Path.GetTempPath(), $"twin-demo-{Guid.NewGuid():N}.json");

    /// <summary>Settings a test adds (e.g. the feed simulator on).</summary>
    public Dictionary<string, string> Settings { get; } = new()
    {
        ["Twin:Feed:Enabled"] = "false",
        // Tests sign in far more often than people do.
        ["Twin:Auth:SignInPermitsPerMinute"] = "100000",
    };

    private readonly int _siloPort = FreePorts.Next();
    private readonly int _gatewayPort = FreePorts.Next();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(Path.Combine(RepoPaths.Root, "silo", "Twin.Silo"));
        builder.UseSetting("Twin:Storage:ConnectionString", connectionString);
        builder.UseSetting("Twin:SeedPath", RepoPaths.Seed);
        builder.UseSetting("Twin:Cluster:ClusterId", serviceId);
        builder.UseSetting("Twin:Cluster:ServiceId", serviceId);
        builder.UseSetting("Twin:Cluster:SiloPort", $"{_siloPort}");
        builder.UseSetting("Twin:Cluster:GatewayPort", $"{_gatewayPort}");
        builder.UseSetting("Twin:Demo:Enabled", "true");
        builder.UseSetting("Twin:Demo:CredentialsFile", CredentialsFile);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// A client signed in as <c>demo-{role}</c> (with the anti-forgery header set), once <c>/healthz</c>
    /// says the seed is imported and the catalog loaded. The default, an operator, may read and enter data.
    /// </summary>
    public async Task<HttpClient> ReadyClientAsync(string role = TwinRoles.Operator)
    {
        var client = await AnonymousClientAsync();
        var credentials = await CredentialsAsync();
        var user = credentials.Users.Single(u => u.Name == AccountBootstrap.DemoPrefix + role);
        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName = user.Name, password = user.Password });
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"sign-in as {user.Name} → {(int)response.StatusCode}: {session}");
        client.DefaultRequestHeaders.Add(SecurityServiceExtensions.AntiforgeryHeader, session.GetProperty("antiforgeryToken").GetString());
        return client;
    }

    /// <summary>A client that has not signed in, once the twin is ready.</summary>
    public async Task<HttpClient> AnonymousClientAsync()
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK && File.Exists(CredentialsFile))
            {
                return client;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the twin was not ready in time: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A client sending the demo device key (bound to every twin) or another key.</summary>
    public async Task<HttpClient> KeyClientAsync(string? key = null)
    {
        var client = await AnonymousClientAsync();
        client.DefaultRequestHeaders.Add(ApiKeyService.HeaderName, key ?? (await CredentialsAsync()).Keys.Single(k => k.Kind == "device").Key);
        return client;
    }

    /// <summary>The demo accounts and keys this host printed (new secrets on every start).</summary>
    public async Task<DemoCredentials> CredentialsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!File.Exists(CredentialsFile))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the host wrote no demo credentials");
            }

            await Task.Delay(200);
        }

        return JsonSerializer.Deserialize<DemoCredentials>(await File.ReadAllTextAsync(CredentialsFile), JsonSerializerOptions.Web)!;
    }

    /// <summary>
    /// A SignalR connection to <c>/hubs/twin</c> on this host (long polling through the test server),
    /// signed in as <c>demo-{role}</c> (anonymous when <paramref name="role"/> is null), speaking
    /// SignalR's JSON protocol, or MessagePack when <paramref name="messagePack"/> is set.
    /// </summary>
    public HubConnection HubConnection(string? role = TwinRoles.Viewer, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "/hubs/twin"), o =>
            {
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => role is null ? Server.CreateHandler() : new SessionHandler(this, role, Server.CreateHandler());
            });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }

        return builder.Build();
    }

    /// <summary>The session cookie of <c>demo-{role}</c> (<c>name=value</c>), signing in once per host and role.</summary>
    public async Task<string> SessionCookieAsync(string role) => (await CallerAsync(role)).Cookie!;

    /// <summary>
    /// Who calls, as raw headers: <see cref="Caller.Anonymous"/>, a person role (<c>demo-{role}</c>'s
    /// session cookies and anti-forgery token), <see cref="Caller.Device"/> (the demo device key) or
    /// <see cref="Caller.Display"/> (a session from the demo display key of wall <c>main</c>). Once per host and name.
    /// </summary>
    public async Task<Caller> CallerAsync(string who)
    {
        await _cookieLock.WaitAsync();
        try
        {
            if (_callers.TryGetValue(who, out var cached))
            {
                return cached;
            }

            var credentials = await CredentialsAsync();
            var caller = who switch
            {
                Caller.Anonymous => new Caller(who, null, null, null),
                Caller.Device => new Caller(who, null, null, credentials.Keys.Single(k => k.Kind == "device").Key),
                Caller.Display => await SignInAsync(who, "/api/auth/display", new { key = credentials.Keys.Single(k => k.Kind == "display").Key }),
                _ => await SignInAsync(who, "/api/auth/login", new
                {
                    userName = AccountBootstrap.DemoPrefix + who,
                    password = credentials.Users.Single(u => u.Name == AccountBootstrap.DemoPrefix + who).Password,
                }),
            };
            _callers[who] = caller;
            return caller;
        }
        finally
        {
            _cookieLock.Release();
        }
    }

    private async Task<Caller> SignInAsync(string who, string path, object body)
    {
        await AnonymousClientAsync();
        using var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {who} → {(int)response.StatusCode}: {session}");
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        return new Caller(who, string.Join("; ", cookies), session.GetProperty("antiforgeryToken").GetString(), null);
    }

    private readonly Dictionary<string, Caller> _callers = [];
    private readonly SemaphoreSlim _cookieLock = new(1, 1);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _cookieLock.Dispose();
        File.Delete(CredentialsFile);
    }

    /// <summary>Adds a session cookie to every request of a hub connection.</summary>
    private sealed class SessionHandler(TwinHost host, string role, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("Cookie", await host.SessionCookieAsync(role));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
