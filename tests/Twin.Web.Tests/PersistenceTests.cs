namespace Twin.Web.Tests;

/// <summary>What is acknowledged survives: a restart of the silo, a restart of Azurite, and a second start imports nothing twice.</summary>
public sealed class PersistenceTests : IAsyncLifetime
{
    private readonly AzuriteProcess _azurite = new();
    private readonly string _serviceId = $"p{Guid.NewGuid():N}"[..20];

    public Task InitializeAsync() => _azurite.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task A_command_survives_a_silo_restart_and_the_second_start_imports_nothing_again()
    {
        string buildingId;
        long version;
        int twins;
        await using (var first = new TwinHost(_azurite.ConnectionString, _serviceId))
        {
            var client = await first.ReadyClientAsync();
            var building = (await client.Features("?kind=building")).First(b => b.Prop("stage") == "Piling");
            buildingId = building.Id();
            var (status, after) = await client.Post($"/api/buildings/{buildingId}/progress", """{"floorsBuilt": 0, "stage": "Foundation"}""");
            Assert.Equal(HttpStatusCode.OK, status);
            version = after.Version();
            twins = (await client.Features()).Count;
        }

        await using var second = new TwinHost(_azurite.ConnectionString, _serviceId);
        var again = await second.ReadyClientAsync();
        var twin = await again.Twin(buildingId);
        Assert.Equal("Foundation", twin.Prop("stage"));
        Assert.Equal(version, twin.Version());
        Assert.Equal(twins, (await again.Features()).Count);
    }

    [Fact]
    public async Task A_command_survives_an_Azurite_restart_and_the_silo_keeps_working_after_it()
    {
        await using var host = new TwinHost(_azurite.ConnectionString, _serviceId);
        var client = await host.ReadyClientAsync();
        var road = await client.Twin("network:yangyuan-road-south");
        var (status, _) = await client.Post("/api/network/network:yangyuan-road-south/status", """{"status": "Completed"}""");
        Assert.Equal(HttpStatusCode.OK, status);

        await _azurite.StopAsync();
        await _azurite.StartAsync();

        (status, var accepted) = await client.Post("/api/network/network:yangyuan-road-south/status", """{"status": "Accepted"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(road.Version() + 2, accepted.Version());

        await host.DisposeAsync();
        await using var restarted = new TwinHost(_azurite.ConnectionString, _serviceId);
        var fresh = await (await restarted.ReadyClientAsync()).Twin("network:yangyuan-road-south");
        Assert.Equal("Accepted", fresh.Prop("status"));
        Assert.Equal(road.Version() + 2, fresh.Version());
    }
}
