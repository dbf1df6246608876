using System.Globalization;
using Twin.Seed;

namespace Twin.LoadTool;

/// <summary>
/// <c>generate --twins N --out FILE [--seed S]</c>: a synthetic park of about N twins (park-10k's
/// proportions: 20% buildings, 10% enterprises, 70% stations) as a seed file the silo imports.
/// </summary>
internal static class GenerateCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var values = ArgParser.Parse(args, flags: []);
        var twins = int.Parse(values.GetValueOrDefault("twins", "10000"), CultureInfo.InvariantCulture);
        var output = values.GetValueOrDefault("out") ?? throw new ArgumentException("generate needs --out FILE");
        var options = twins == 10_000 ? SyntheticParkOptions.Park10k : SyntheticParkOptions.OfSize(twins);
        if (values.TryGetValue("seed", out var seed))
        {
            options = options with { Seed = int.Parse(seed, CultureInfo.InvariantCulture) };
        }

        var park = SyntheticPark.Generate(options);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await using (var stream = File.Create(output))
        {
            await SeedWriter.WriteAsync(stream, park);
        }

        Console.WriteLine($"{park.Count} twins ({options.Zones} zones, {options.Buildings} buildings, {options.Enterprises} enterprises, {options.Plants} plants, {options.Stations} stations) written to {output}");
        return 0;
    }
}
