using Twin.Testing;

namespace Twin.Seed.Tests.SeedPark;

/// <summary>data/seed-park.geojson (found through TWIN_REPO_ROOT or Twin.sln above the tests), read once for all the tests that look into it.</summary>
public sealed class SeedParkFile
{
    public SeedParkFile()
    {
        Document = SeedReader.Read(File.ReadAllBytes(RepoPaths.Seed));
    }

    public SeedDocument Document { get; }

    public IReadOnlyList<TwinState> Twins => Document.Twins;
}
