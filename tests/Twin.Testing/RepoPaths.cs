namespace Twin.Testing;

/// <summary>Where the repository is: TWIN_REPO_ROOT, or the folder above the tests that holds Twin.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Seed => Path.Combine(Root, "data", "seed-park.geojson");

    public static string Azurite => Path.Combine(Root, "node_modules", "azurite", "dist", "src", "azurite.js");

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("TWIN_REPO_ROOT") is { Length: > 0 } fromEnv && File.Exists(Path.Combine(fromEnv, "Twin.sln")))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Twin.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Twin.sln not found above the test assembly; set TWIN_REPO_ROOT");
    }
}
