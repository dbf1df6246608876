using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;
using Twin.Grains.Hosting;
using Twin.Grains.Tests.Planning;
using Twin.Planning.Allocation;
using Twin.Spatial.Serialization;

namespace Twin.Grains.Tests;

/// <summary>
/// An in-process cluster of two silos with the twin grains, memory storage (through the same
/// System.Text.Json storage serializer as production), the readings store of
/// <see cref="RecordingGrainStorage"/> and the change stream.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(2)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .AddClientBuilderConfigurator<ClientConfigurator>()
        .Build();

    public IClusterClient Client => Cluster.Client;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(TwinStorage.Twins, o => o.GrainStorageSerializer = new TwinStorageSerializer());
            siloBuilder.AddMemoryGrainStorage(TwinStorage.PubSub);
            // Readings are written behind; the timer is long so that only deactivation and
            // durable readings write, which the write-behind tests count.
            siloBuilder.Services.AddGrainStorage(TwinStorage.Readings, (_, _) => new RecordingGrainStorage());
            siloBuilder.Services.Configure<WriteBehindOptions>(o => o.FlushInterval = TimeSpan.FromMinutes(10));
            siloBuilder.AddTwinGrains();
            siloBuilder.Services.AddSingleton<IAllocationSolver, CpSatAllocationSolver>();
            siloBuilder.AddIncomingGrainCallFilter<FailingCalls>();
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(TwinStreams.Provider);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
