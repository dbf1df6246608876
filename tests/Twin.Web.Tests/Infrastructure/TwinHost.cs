using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Twin.Web.Tests.Infrastructure;

/// <summary>
/// The real silo executable (Orleans silo + web front) in process, on Azurite, with its own
/// silo and gateway ports and a service id of its own so test classes never share twins.
/// </summary>
public sealed class TwinHost(string connectionString, string serviceId) : WebApplicationFactory<Program>
{
    /// <summary>Settings a test adds (e.g. the feed simulator on).</summary>
    public Dictionary<string, string> Settings { get; } = new() { ["Twin:Feed:Enabled"] = "false" };

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
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client once <c>/healthz</c> says the seed is imported and the catalog loaded.</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
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

    /// <summary>A SignalR connection to <c>/hubs/twin</c> on this host (long polling through the test server).</summary>
    public HubConnection HubConnection() => new HubConnectionBuilder()
        .WithUrl(new Uri(Server.BaseAddress, "/hubs/twin"), o =>
        {
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
            o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
        })
        .Build();
}
