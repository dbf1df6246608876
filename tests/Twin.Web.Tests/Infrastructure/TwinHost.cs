using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Twin.Web.Tests.Infrastructure;

/// <summary>
/// The real silo executable (Orleans silo + web front) in process, on Azurite, with its own
/// silo and gateway ports and a service id of its own so test classes never share twins.
/// </summary>
public sealed class TwinHost(string connectionString, string serviceId) : WebApplicationFactory<Program>
{
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
}
