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

        /// <summary>
        /// How many grain addresses a silo remembers (Orleans' directory cache, an LRU): the twins it
        /// calls on other silos. Orleans' default, 1,000,000, sets aside ~18 MiB of heap up front
        /// (a third of a cold park-10k silo's live heap); 100,000 covers park-100k's twins.
        /// </summary>
        public int DirectoryCacheSize { get; set; } = 100_000;
    }
}
