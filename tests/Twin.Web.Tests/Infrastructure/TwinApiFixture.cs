namespace Twin.Web.Tests.Infrastructure;

/// <summary>One Azurite and one silo with the seed park imported, shared by a test class.</summary>
public sealed class TwinApiFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; } = new();

    public TwinHost Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.StartAsync();
        Host = new TwinHost(Azurite.ConnectionString, $"t{Guid.NewGuid():N}"[..20]);
        Client = await Host.ReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
