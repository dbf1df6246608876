using Microsoft.Extensions.Logging;

namespace Twin.Seed;

/// <summary>
/// Applies a validated seed through the grains, once per storage account: zones first, then every
/// other twin, then each zone's member list, then the park, and last the record that the seed was
/// imported. Creating a twin that exists is a no-op, so an import cut short is simply run again.
/// </summary>
public sealed partial class SeedImporter(IGrainFactory grains, ILogger<SeedImporter> logger)
{
    private const int Concurrency = 128;

    /// <summary>
    /// Imports the seed file at <paramref name="path"/> unless this storage holds an import already;
    /// returns whether it imported. On every start but the first only the file's digest is taken:
    /// the file is parsed and validated only when it is going to be imported.
    /// </summary>
    public async Task<bool> ImportAsync(string path, CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return !await AlreadyImported(SeedReader.Digest(bytes)) && await ImportAsync(SeedReader.Read(bytes), cancellationToken);
    }

    /// <summary>Imports the seed unless this storage holds an import already; returns whether it imported.</summary>
    public async Task<bool> ImportAsync(SeedDocument seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (await AlreadyImported(seed.Digest))
        {
            return false;
        }

        var park = grains.GetGrain<IParkGrain>(TwinIds.Park);

        var errors = seed.Errors.Concat(SeedValidator.Validate(seed.Twins)).ToList();
        if (errors.Count > 0)
        {
            throw new SeedValidationException(errors);
        }

        var zones = seed.Twins.OfType<ZoneState>().ToList();
        var members = seed.Twins.Where(t => t is not ParkState and not ZoneState).ToList();
        await CreateAll(zones, cancellationToken);
        await CreateAll(members, cancellationToken);
        foreach (var group in members.GroupBy(m => m.ZoneId!))
        {
            await grains.GetGrain<IZoneGrain>(group.Key).AddMembers([.. group.Select(m => m.Id)]);
        }

        var parkState = seed.Twins.OfType<ParkState>().Single() with { ZoneIds = [.. zones.Select(z => z.Id)] };
        await CreateAll([parkState], cancellationToken);
        await park.MarkSeedImported(seed.Digest);
        LogImported(logger, seed.Twins.Count, zones.Count);
        return true;
    }

    private async Task<bool> AlreadyImported(string digest)
    {
        if (await grains.GetGrain<IParkGrain>(TwinIds.Park).GetImportedSeed() is not { } imported)
        {
            return false;
        }

        if (imported != digest)
        {
            LogDifferentSeed(logger, imported, digest);
        }

        return true;
    }

    private async Task CreateAll(IReadOnlyList<TwinState> twins, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            twins,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (twin, _) =>
            {
                var result = await grains.GetTwin(twin.Id)!.Create(twin);
                if (!result.IsAccepted)
                {
                    throw new SeedValidationException([new SeedError(twin.Id, $"{result.Field}: {result.Error}")]);
                }
            });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed imported: {Twins} twins in {Zones} zones")]
    private static partial void LogImported(ILogger logger, int twins, int zones);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage holds seed {Imported}; the seed file is now {Current} and is not imported again")]
    private static partial void LogDifferentSeed(ILogger logger, string imported, string current);
}
