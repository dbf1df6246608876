using Twin.Web.Security;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Twin.Web.Tests;

/// <summary>Two silo processes' worth of hosts on one Azurite form one cluster; each one's browsers see every change.</summary>
public sealed class MultiSiloTests : IAsyncLifetime
{
    private readonly AzuriteProcess _azurite = new();
    private readonly string _serviceId = $"m{Guid.NewGuid():N}"[..20];

    public Task InitializeAsync() => _azurite.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task A_silo_remembers_as_many_grain_addresses_as_its_cluster_settings_say()
    {
        await using var byDefault = new TwinHost(_azurite.ConnectionString, _serviceId);
        await byDefault.ReadyClientAsync();
        Assert.Equal(100_000, byDefault.Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value.CacheSize);

        await using var configured = new TwinHost(_azurite.ConnectionString, _serviceId);
        configured.Settings["Twin:Cluster:DirectoryCacheSize"] = "5000";
        await configured.ReadyClientAsync();
        Assert.Equal(5_000, configured.Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value.CacheSize);
    }

    [Fact]
    public async Task A_client_on_silo_B_receives_changes_made_through_silo_A_and_keeps_receiving_when_A_stops()
    {
        var a = new TwinHost(_azurite.ConnectionString, _serviceId);
        var clientA = await a.ReadyClientAsync();
        await using var b = new TwinHost(_azurite.ConnectionString, _serviceId);
        var clientB = await b.ReadyClientAsync();
        await using var connection = b.HubConnection();
        var feed = new FeedListener(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "park");
        await feed.WaitForSnapshot("park");
        var plant = (await clientA.Features("?kind=plant")).First(p => p.Prop("status") == "Operating");
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);

        // Readings of one plant through A: the plant grain lives on A or B, the change reaches B's browser either way.
        var (status, viaA) = await clientA.Post($"/api/plants/{plant.Id()}/readings",
            $$"""{"at": "{{at:O}}", "inflow": 4321, "cod": 20, "ammonia": 1, "totalPhosphorus": 0.2, "ph": 7}""");
        Assert.Equal(HttpStatusCode.OK, status);
        await feed.WaitForItem(i => i["id"]!.GetValue<string>() == plant.Id() && i["version"]!.GetValue<long>() == viaA.Version());

        // Many twins through A, so that grains living on both silos publish.
        var buildings = (await clientA.Features("?kind=building")).Where(x => x.Prop("stage") == "Planned").Take(8).ToList();
        foreach (var building in buildings)
        {
            Assert.Equal(HttpStatusCode.OK, (await clientA.Post($"/api/buildings/{building.Id()}/progress", """{"floorsBuilt": 0, "stage": "Piling"}""")).Status);
        }

        foreach (var building in buildings)
        {
            await feed.WaitForItem(i => i["id"]!.GetValue<string>() == building.Id() && i["version"]!.GetValue<long>() == building.Version() + 1);
        }

        clientA.Dispose();
        await a.DisposeAsync();

        (status, var viaB) = await clientB.Post($"/api/plants/{plant.Id()}/readings",
            $$"""{"at": "{{at.AddMinutes(1):O}}", "inflow": 4322, "cod": 20, "ammonia": 1, "totalPhosphorus": 0.2, "ph": 7}""");
        Assert.Equal(HttpStatusCode.OK, status);
        await feed.WaitForItem(i => i["id"]!.GetValue<string>() == plant.Id() && i["version"]!.GetValue<long>() == viaB.Version(), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_presenter_action_through_silo_A_reaches_a_wall_screen_on_silo_B_within_a_second()
    {
        await using var a = new TwinHost(_azurite.ConnectionString, _serviceId);
        var clientA = await a.ReadyClientAsync(TwinRoles.Presenter);
        await using var b = new TwinHost(_azurite.ConnectionString, _serviceId);
        await b.ReadyClientAsync();
        var wallId = $"m-{Guid.NewGuid():N}"[..12];
        await using var screen = b.HubConnection();
        var walls = WallApiTests.Listen(screen);
        await screen.StartAsync();
        await screen.InvokeAsync("Subscribe", $"wall:{wallId}");
        await WallApiTests.WaitFor(walls, w => w["version"]!.GetValue<long>() == 0);

        // Several actions, so the wall grain is called through A whichever silo it lives on.
        for (var i = 1; i <= 3; i++)
        {
            var sent = DateTime.UtcNow;
            var (status, _) = await clientA.Post($"/api/walls/{wallId}/tour", $$"""{"paused": {{(i % 2 == 1 ? "true" : "false")}}}""");
            Assert.Equal(HttpStatusCode.OK, status);
            var version = i;
            await WallApiTests.WaitFor(walls, w => w["version"]!.GetValue<long>() == version, TimeSpan.FromSeconds(5));
            Assert.True(DateTime.UtcNow - sent < TimeSpan.FromSeconds(1), $"action {i} took {(DateTime.UtcNow - sent).TotalMilliseconds:F0} ms to reach the screen on B");
        }

        clientA.Dispose();
    }
}
