using System.Net;
using Azure.Data.Tables;
using Twin.Contracts;
using Orleans.Clustering.AzureStorage;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Twin.Grains.Hosting;
using Twin.Planning.Allocation;
using Twin.Contracts.Security;
using Twin.Seed;
using Twin.Silo.Audit;
using Twin.Spatial.Serialization;

namespace Twin.Silo.Hosting;

/// <summary>The silo: Orleans with Azure Table clustering and grain storage, the twin grains, and the seed import.</summary>
public static class SiloExtensions
{
    public static WebApplicationBuilder AddTwinSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(TwinOptions.Section).Get<TwinOptions>() ?? new TwinOptions();
        var connectionString = options.Storage.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "No storage: set Twin:Storage:ConnectionString (environment Twin__Storage__ConnectionString) to an Azure Storage " +
                "connection string. './twin run' starts Azurite and sets it for you.");
        }

        builder.Services.Configure<TwinOptions>(builder.Configuration.GetSection(TwinOptions.Section));
        builder.Services.Configure<WriteBehindOptions>(builder.Configuration.GetSection(WriteBehindOptions.Section));
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.Cluster.ClusterId;
                o.ServiceId = options.Cluster.ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Parse(options.Cluster.AdvertisedAddress), options.Cluster.SiloPort, options.Cluster.GatewayPort);
            silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = options.Cluster.DirectoryCacheSize);
            silo.UseAzureStorageClustering((AzureStorageClusteringOptions o) => o.TableServiceClient = new TableServiceClient(connectionString));
            silo.AddAzureTableGrainStorage(TwinStorage.Twins, (AzureTableStorageOptions o) =>
            {
                o.TableServiceClient = new TableServiceClient(connectionString);
                o.TableName = "twins";
                o.GrainStorageSerializer = new TwinStorageSerializer();
            });
            // Readings are written behind, in batches, to a table of their own (see docs/performance.md, fix 1).
            silo.Services.AddGrainStorage(TwinStorage.Readings, (sp, _) => new BatchedTableGrainStorage(
                new TableServiceClient(connectionString),
                BatchedTableGrainStorage.DefaultTable,
                options.Cluster.ServiceId,
                sp.GetRequiredService<IOptions<WriteBehindOptions>>().Value,
                new TwinStorageSerializer(),
                sp.GetRequiredService<ILogger<BatchedTableGrainStorage>>()));
            silo.AddAzureTableGrainStorage(TwinStorage.PubSub, (AzureTableStorageOptions o) =>
            {
                o.TableServiceClient = new TableServiceClient(connectionString);
                o.TableName = "pubsub";
            });
            silo.AddTwinGrains();
        });
        builder.Services.AddSingleton<IAllocationSolver, CpSatAllocationSolver>();
        builder.Services.AddSingleton<ITwinSnapshot>(sp => new TableTwinSnapshot(
            new TableServiceClient(connectionString), options.Cluster.ServiceId, sp.GetRequiredService<ILogger<TableTwinSnapshot>>()));
        builder.Services.AddSingleton<IAuditLog>(new AzureTableAuditLog(new TableServiceClient(connectionString)));
        builder.Services.AddSingleton<SeedImporter>();
        builder.Services.AddHostedService<SeedImportService>();
        return builder;
    }
}
