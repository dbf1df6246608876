namespace Twin.Silo.Hosting;

/// <summary>The <c>Twin</c> configuration section (environment: <c>Twin__Storage__ConnectionString</c>, ...).</summary>
public sealed class TwinOptions
{
    public const string Section = "Twin";

    public StorageOptions Storage { get; set; } = new();

    public ClusterSettings Cluster { get; set; } = new();

    /// <summary>The seed park imported on first start; relative paths are from the working directory.</summary>
    public string SeedPath { get; set; } = "data/seed-park.geojson";

    public sealed class StorageOptions
    {
        /// <summary>An Azure Storage connection string: Azurite locally, a real account in production.</summary>
        public string? ConnectionString { get; set; }
    }

    public sealed class ClusterSettings
    {
        public string ClusterId { get; set; } = "park-twin";

        public string ServiceId { get; set; } = "park-twin";

        public int SiloPort { get; set; } = 11111;

        public int GatewayPort { get; set; } = 30000;

        /// <summary>The address other silos reach this one on.</summary>
        public string AdvertisedAddress { get; set; } = "127.0.0.1";
    }
}
