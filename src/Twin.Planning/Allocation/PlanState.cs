namespace Twin.Planning.Allocation;

/// <summary>
/// A plan being built or read: which option each candidate took, and what that uses of every site's floors,
/// every plant's headroom and the hazard separation. <see cref="CanTake"/> checks every rule of the model.
/// </summary>
internal sealed class PlanState
{
    private readonly AllocationIndex _index;
    private readonly int[] _floorsUsed;
    private readonly int[] _hazardTenants;
    private readonly long[] _plantUsed;

    public PlanState(AllocationIndex index)
    {
        _index = index;
        Choice = [.. Enumerable.Repeat(-1, index.Candidates.Length)];
        _floorsUsed = new int[index.Sites.Length];
        _hazardTenants = new int[index.Sites.Length];
        _plantUsed = new long[index.Plants.Length];
    }

    /// <summary>For each candidate, the index into its <see cref="AllocationIndex.Options"/>, or -1 when unplaced.</summary>
    public int[] Choice { get; }

    public int FloorsUsed(int site) => _floorsUsed[site];

    public long PlantUsed(int plant) => _plantUsed[plant];

    public bool HostsHazard(int site) => _hazardTenants[site] > 0;

    public static PlanState FromChoice(AllocationIndex index, int[] choice)
    {
        var state = new PlanState(index);
        for (var c = 0; c < choice.Length; c++)
        {
            if (choice[c] >= 0)
            {
                state.Take(c, choice[c]);
            }
        }

        return state;
    }

    /// <summary>Whether candidate <paramref name="c"/> can take its option <paramref name="option"/> given what is already placed.</summary>
    public bool CanTake(int c, int option)
    {
        var o = _index.Options[c][option];
        if (_floorsUsed[o.Site] + o.Floors > _index.Sites[o.Site].Floors)
        {
            return false;
        }

        var discharge = _index.DischargeMilli[c];
        if (discharge > 0 && _index.SitePlants[o.Site].Any(p => _plantUsed[p] + discharge > _index.HeadroomMilli[p]))
        {
            return false;
        }

        return !_index.IsHazardous[c] || !_index.SeparationApplies || !HazardNearby(o.Site);
    }

    /// <summary>Whether the site or one closer than the separation already hosts a hazardous candidate.</summary>
    public bool HazardNearby(int site) =>
        _hazardTenants[site] > 0 || _index.ConflictNeighbours[site].Any(n => _hazardTenants[n] > 0);

    public void Take(int c, int option)
    {
        var o = _index.Options[c][option];
        Choice[c] = option;
        _floorsUsed[o.Site] += o.Floors;
        foreach (var p in _index.SitePlants[o.Site])
        {
            _plantUsed[p] += _index.DischargeMilli[c];
        }

        if (_index.IsHazardous[c])
        {
            _hazardTenants[o.Site]++;
        }
    }

    /// <summary>Takes candidate <paramref name="c"/> out of the site it holds (the reverse of <see cref="Take"/>).</summary>
    public void Release(int c)
    {
        var option = Choice[c];
        if (option < 0)
        {
            return;
        }

        var o = _index.Options[c][option];
        Choice[c] = -1;
        _floorsUsed[o.Site] -= o.Floors;
        foreach (var p in _index.SitePlants[o.Site])
        {
            _plantUsed[p] -= _index.DischargeMilli[c];
        }

        if (_index.IsHazardous[c])
        {
            _hazardTenants[o.Site]--;
        }
    }

    public PlanState Copy() => FromChoice(_index, Choice);

    public IReadOnlyList<Assignment> ToAssignments() =>
        [.. Enumerable.Range(0, Choice.Length)
            .Where(c => Choice[c] >= 0)
            .Select(c => new Assignment(_index.Candidates[c].Id, _index.Sites[_index.Options[c][Choice[c]].Site].BuildingId))
            .OrderBy(a => a.CandidateId, StringComparer.Ordinal)];

    public decimal TotalValue() =>
        Enumerable.Range(0, Choice.Length).Where(c => Choice[c] >= 0).Sum(c => _index.Candidates[c].Value);
}
