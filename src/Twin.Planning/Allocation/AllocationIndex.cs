using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Twin.Planning.Allocation;

/// <summary>
/// What every allocator needs precomputed from a problem: for each candidate the sites it may take (zone rule,
/// readiness, floor area, plant headroom for its discharge alone, distance from existing hazards), the plants serving
/// each site, discharges and headrooms in integer units, and which sites are too close to host hazardous candidates
/// at once. Built once per solve; read-only afterwards.
/// </summary>
/// <remarks>
/// Discharges and headrooms are counted in 0.001 t/day: a discharge is rounded up and a headroom down, so a plan
/// that keeps the integer sums within headroom also keeps the exact decimal sums within it.
/// </remarks>
internal sealed class AllocationIndex
{
    /// <summary>Integer units per t/day.</summary>
    public const decimal DischargeScale = 1000m;

    private readonly Dictionary<string, HashSet<string>> _accepted;

    public AllocationIndex(AllocationProblem problem)
    {
        Problem = problem;
        Candidates = [.. problem.Candidates];
        Sites = [.. problem.Sites];
        Plants = [.. problem.Plants];
        Separation = problem.Rules.SeparationMetres;

        _accepted = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var rule in problem.Rules.ZoneIndustries)
        {
            _accepted[rule.ZoneId] = new HashSet<string>(rule.Industries, StringComparer.Ordinal);
        }

        SitePlants = new int[Sites.Length][];
        for (var s = 0; s < Sites.Length; s++)
        {
            var zone = Sites[s].ZoneId;
            SitePlants[s] = [.. Enumerable.Range(0, Plants.Length).Where(p => Plants[p].ZoneIds.Contains(zone, StringComparer.Ordinal))];
        }

        DischargeMilli = [.. Candidates.Select(c => (long)decimal.Ceiling(c.Discharge * DischargeScale))];
        HeadroomMilli = [.. Plants.Select(p => (long)decimal.Floor(p.Headroom * DischargeScale))];
        IsHazardous = [.. Candidates.Select(c => c.HazardClass >= problem.Rules.HazardThreshold)];
        SeparationApplies = Separation > 0 && IsHazardous.Any(h => h);
        NearExistingHazard = SeparationApplies ? SitesNearExistingHazards() : new bool[Sites.Length];

        Options = new SiteOption[Candidates.Length][];
        var list = new List<SiteOption>();
        for (var c = 0; c < Candidates.Length; c++)
        {
            list.Clear();
            for (var s = 0; s < Sites.Length; s++)
            {
                if (ZoneAccepts(Sites[s].ZoneId, Candidates[c].Industry)
                    && SiteOption.Fit(Candidates[c], Sites[s], s) is { } option
                    && HeadroomAllowsAlone(c, s)
                    && !(IsHazardous[c] && NearExistingHazard[s]))
                {
                    list.Add(option);
                }
            }

            Options[c] = [.. list];
        }

        HazardSites = SeparationApplies
            ? [.. Enumerable.Range(0, Candidates.Length).Where(c => IsHazardous[c]).SelectMany(c => Options[c]).Select(o => o.Site).Distinct().Order()]
            : [];
        Conflicts = SeparationApplies ? ConflictingPairs(HazardSites) : [];
        var neighbours = new List<int>[Sites.Length];
        foreach (var (a, b) in Conflicts)
        {
            (neighbours[a] ??= []).Add(b);
            (neighbours[b] ??= []).Add(a);
        }

        ConflictNeighbours = [.. neighbours.Select(n => n is null ? [] : n.ToArray())];
        _cliques = new Lazy<IReadOnlyList<int[]>>(() => LpBound.SeparationCliques(this));
    }

    private readonly Lazy<IReadOnlyList<int[]>> _cliques;

    /// <summary>Cliques of close hazard sites covering every close pair (<see cref="LpBound.SeparationCliques"/>), computed once.</summary>
    public IReadOnlyList<int[]> SeparationCliques => _cliques.Value;

    public AllocationProblem Problem { get; }

    public Candidate[] Candidates { get; }

    public Site[] Sites { get; }

    public PlantHeadroom[] Plants { get; }

    public double Separation { get; }

    /// <summary>Plant indices serving each site's zone (every one of them must have headroom).</summary>
    public int[][] SitePlants { get; }

    public long[] DischargeMilli { get; }

    public long[] HeadroomMilli { get; }

    public bool[] IsHazardous { get; }

    /// <summary>True when some candidate is hazardous and the separation is above 0.</summary>
    public bool SeparationApplies { get; }

    /// <summary>Sites closer than the separation to an existing hazardous building.</summary>
    public bool[] NearExistingHazard { get; }

    /// <summary>The sites each candidate may take, with every rule that depends on that candidate alone applied.</summary>
    public SiteOption[][] Options { get; }

    /// <summary>Sites some hazardous candidate may take, ascending.</summary>
    public int[] HazardSites { get; }

    /// <summary>Pairs (a &lt; b) of <see cref="HazardSites"/> closer than the separation: at most one may host a hazardous candidate.</summary>
    public (int A, int B)[] Conflicts { get; }

    /// <summary>For each site, the sites of <see cref="Conflicts"/> paired with it.</summary>
    public int[][] ConflictNeighbours { get; }

    public bool ZoneAccepts(string zone, string industry) => _accepted.TryGetValue(zone, out var set) && set.Contains(industry);

    public bool AnyZoneAccepts(string industry) => _accepted.Values.Any(set => set.Contains(industry));

    /// <summary>Every plant serving the site has headroom for this candidate's discharge on its own.</summary>
    public bool HeadroomAllowsAlone(int c, int s)
    {
        var discharge = DischargeMilli[c];
        foreach (var p in SitePlants[s])
        {
            if (discharge > 0 && discharge > HeadroomMilli[p])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Closer than the separation (touching or overlapping footprints are at distance 0).</summary>
    public static bool TooClose(Geometry a, Geometry b, double separation) =>
        a.IsWithinDistance(b, separation) && a.Distance(b) < separation;

    private bool[] SitesNearExistingHazards()
    {
        var near = new bool[Sites.Length];
        var hazards = Problem.ExistingHazards;
        if (hazards.Count == 0)
        {
            return near;
        }

        var tree = new STRtree<Geometry>();
        foreach (var h in hazards)
        {
            tree.Insert(h.FootprintMetric.EnvelopeInternal, h.FootprintMetric);
        }

        tree.Build();
        for (var s = 0; s < Sites.Length; s++)
        {
            var footprint = Sites[s].FootprintMetric;
            var search = new Envelope(footprint.EnvelopeInternal);
            search.ExpandBy(Separation);
            near[s] = tree.Query(search).Any(h => TooClose(footprint, h, Separation));
        }

        return near;
    }

    private (int A, int B)[] ConflictingPairs(int[] sites)
    {
        if (sites.Length < 2)
        {
            return [];
        }

        var tree = new STRtree<int>();
        foreach (var s in sites)
        {
            tree.Insert(Sites[s].FootprintMetric.EnvelopeInternal, s);
        }

        tree.Build();
        var pairs = new List<(int, int)>();
        foreach (var a in sites)
        {
            var footprint = Sites[a].FootprintMetric;
            var search = new Envelope(footprint.EnvelopeInternal);
            search.ExpandBy(Separation);
            foreach (var b in tree.Query(search))
            {
                if (b > a && TooClose(footprint, Sites[b].FootprintMetric, Separation))
                {
                    pairs.Add((a, b));
                }
            }
        }

        pairs.Sort();
        return [.. pairs];
    }
}
