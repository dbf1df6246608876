using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Twin.Grains.Twins;

namespace Twin.Grains.Zones;

/// <summary>
/// A zone (园区 or an area of one). Besides its own state it keeps its member list and its
/// figures as the sum of its members' contributions. The contributions live in memory: on
/// activation they are read back from storage (the silo's <see cref="ITwinSnapshot"/>) or from
/// the members themselves, so after any crash the figures are a recount, and between
/// activations each committed change reports its new contribution (the higher version wins).
/// </summary>
public sealed class ZoneGrain : TwinGrain<ZoneState>, IZoneGrain
{
    private const int ReadConcurrency = 64;

    private readonly IPersistentState<ZoneMembers> _members;
    private readonly Dictionary<string, (long Version, TwinStats Stats)> _contributions = new(StringComparer.Ordinal);
    private readonly TwinStats _total = new();

    /// <summary>
    /// One object for each distinct count-only contribution, which the members that
    /// have it share: thousands of stations contribute one of a few. Only read, never changed.
    /// </summary>
    private readonly Dictionary<string, TwinStats> _alike = new(StringComparer.Ordinal);
    private Task? _loading;

    public ZoneGrain(
        [PersistentState("twin", TwinStorage.Twins)] IPersistentState<ZoneState> state,
        [PersistentState("members", TwinStorage.Twins)] IPersistentState<ZoneMembers> members)
        : base(state) => _members = members;

    public async Task AddMembers(IReadOnlyList<string> memberIds)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        await EnsureLoaded();
        var known = _members.State.Ids.ToHashSet(StringComparer.Ordinal);
        var added = memberIds.Where(id => TwinIds.TryGetKind(id, out _) && known.Add(id)).ToList();
        if (added.Count == 0)
        {
            return;
        }

        _members.State = _members.State with { Ids = [.. _members.State.Ids, .. added] };
        await _members.WriteStateAsync();
        await ReadContributions(added);
    }

    public Task<IReadOnlyList<string>> GetMembers() => Task.FromResult(_members.State.Ids);

    public async Task Report(MemberReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        await EnsureLoaded();
        if (!_contributions.ContainsKey(report.MemberId) && !_members.State.Ids.Contains(report.MemberId))
        {
            // A twin created outside the importer joins its zone with its first change.
            _members.State = _members.State with { Ids = [.. _members.State.Ids, report.MemberId] };
            await _members.WriteStateAsync();
        }

        Apply(report.MemberId, report.Version, report.Contribution);
    }

    public async Task<ZoneStats?> GetStats()
    {
        if (Current is not { } zone)
        {
            return null;
        }

        await EnsureLoaded();
        return new ZoneStats(zone.Id, zone.Name, zone.NewThreeParks, _members.State.Ids.Count, _total.Clone());
    }

    private Task EnsureLoaded() => _loading ??= ReadContributions(_members.State.Ids);

    private async Task ReadContributions(IReadOnlyList<string> ids)
    {
        // Many members: read them from the silo's storage snapshot (shared by every zone at
        // start) instead of activating each; what it lacks (created since) is asked of the grain.
        if (ids.Count > ReadConcurrency && ServiceProvider.GetService<ITwinSnapshot>() is { } snapshot)
        {
            var stored = await snapshot.ReadAsync();
            var missing = new List<string>();
            foreach (var id in ids)
            {
                if (stored.TryGetValue(id, out var state))
                {
                    Apply(id, state.Version, Contribution.Of(state));
                }
                else
                {
                    missing.Add(id);
                }
            }

            ids = missing;
        }

        // Members answer GetState/GetContribution interleaved, so a member waiting on Report
        // cannot deadlock with this read.
        foreach (var chunk in ids.Chunk(ReadConcurrency))
        {
            var reads = chunk.Select(async id =>
            {
                var twin = GrainFactory.GetTwin(id);
                var state = twin is null ? null : await twin.GetState();
                return (id, state);
            });
            foreach (var (id, state) in await Task.WhenAll(reads))
            {
                if (state is not null)
                {
                    Apply(id, state.Version, Contribution.Of(state));
                }
            }
        }
    }

    private void Apply(string memberId, long version, TwinStats contribution)
    {
        if (_contributions.TryGetValue(memberId, out var known))
        {
            if (known.Version >= version)
            {
                return;
            }

            _total.Accumulate(known.Stats, -1);
        }

        _contributions[memberId] = (version, Shared(contribution));
        _total.Accumulate(contribution, 1);
    }

    private TwinStats Shared(TwinStats contribution)
    {
        // Counts of enum keys only: a handful of distinct values, so the table stays small.
        if (contribution.CountsOnlyKey() is not { } key)
        {
            return contribution;
        }

        ref var shared = ref CollectionsMarshal.GetValueRefOrAddDefault(_alike, key, out _);
        return shared ??= contribution;
    }
}
