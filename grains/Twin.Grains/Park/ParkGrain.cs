using Twin.Grains.Twins;

namespace Twin.Grains.Park;

/// <summary>
/// The management committee's park: its zones, targets and the record of the seed import.
/// Its figures are the sum of its zones' figures, asked for when wanted.
/// </summary>
public sealed class ParkGrain : TwinGrain<ParkState>, IParkGrain
{
    private readonly IPersistentState<ImportRecord> _import;

    public ParkGrain(
        [PersistentState("twin", TwinStorage.Twins)] IPersistentState<ParkState> state,
        [PersistentState("import", TwinStorage.Twins)] IPersistentState<ImportRecord> import)
        : base(state) => _import = import;

    public Task<string?> GetImportedSeed() => Task.FromResult(_import.RecordExists ? _import.State.Digest : null);

    public async Task MarkSeedImported(string digest)
    {
        _import.State = new ImportRecord { Digest = digest, At = DateTimeOffset.UtcNow };
        await _import.WriteStateAsync();
    }

    public async Task<ParkStats?> GetStats()
    {
        if (Current is not { } park)
        {
            return null;
        }

        var zones = await Task.WhenAll(park.ZoneIds.Select(id => GrainFactory.GetGrain<IZoneGrain>(id).GetStats()));
        var total = new TwinStats();
        var newThree = new TwinStats();
        var present = zones.OfType<ZoneStats>().ToList();
        foreach (var zone in present)
        {
            total.Accumulate(zone.Stats, 1);
            if (zone.NewThreeParks)
            {
                newThree.Accumulate(zone.Stats, 1);
            }
        }

        return new ParkStats(park.ReportYear, total, newThree, present, park.Targets);
    }
}
