using Google.OrTools.Sat;

namespace Twin.Planning.Allocation;

/// <summary>
/// The CP-SAT model of an <see cref="AllocationIndex"/>. One Boolean per (candidate, fitting site) pair that
/// survived the pre-filter, plus a few helper Booleans:
/// <list type="bullet">
/// <item>each candidate takes at most one site;</item>
/// <item>a building that may not be split takes at most one tenant; in one that may, the floors of its tenants
/// add up to at most its floors (a tenant taking it whole takes every floor);</item>
/// <item>for every plant, the discharges (0.001 t/day, rounded up) of the candidates placed in the zones it serves
/// add up to at most its headroom (rounded down);</item>
/// <item>hazardous candidates: a site hosts at most one (two in one building are at distance 0), and of two sites
/// closer than the separation at most one hosts any (<c>h[a] + h[b] ≤ 1</c>); sites too close to an existing
/// hazardous building were removed from their options beforehand.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para>Objective (maximised): <c>M × Σ value + secondary</c>, values counted in 0.01 (rounded). The secondary
/// aims are, in the rules' own units, <c>ClusterWeight × (placed candidates − distinct (zone, industry) pairs among
/// them)</c> — every candidate joining one of its industry in its zone earns the weight — minus <c>WasteWeight ×
/// m² left empty</c> in the buildings the plan uses. With the area fit, a building let whole is never larger than
/// its tenant's MaxArea, so waste arises on the empty floors of a shared building: <c>FloorArea / Floors</c> per
/// empty floor.</para>
/// <para>The secondary terms are scaled so their whole possible range spans about 10⁶ integer units (less when the
/// values are so large that 64-bit and double precision would not hold), each rounded to an integer; then
/// <c>M = 2R + 1</c> where R is that integer range. So one 0.01 of value always outweighs any change in the
/// secondary aims: the value is maximised first, and the secondary aims only choose among plans of equal value.
/// The search stops once the gap is at most R (<c>absolute_gap_limit</c>): the value is then proven optimal, and
/// the secondary aims are as good as the search found by then (proving them optimal too can take minutes for a
/// difference of a few m²).</para>
/// </remarks>
internal sealed class AllocationCpModel
{
    /// <summary>Integer value units per unit of <see cref="Candidate.Value"/>.</summary>
    public const decimal ValueScale = 100m;

    private const double SecondaryBudget = 1e6;

    // Keeps M × Σ value within 2^52, so the objective CP-SAT reports as a double is exact.
    private const double ObjectiveCeiling = 4.5e15;

    private readonly AllocationIndex _index;
    private readonly BoolVar[][] _x;
    private readonly long[][] _coefficient;
    private readonly Dictionary<int, BoolVar> _used = [];
    private readonly Dictionary<int, long> _usedPenalty = [];
    private readonly Dictionary<(string Zone, string Industry), BoolVar> _cluster = [];
    private readonly long _clusterPenalty;
    private readonly Dictionary<int, BoolVar> _hazard = [];

    public AllocationCpModel(AllocationIndex index)
    {
        _index = index;
        var candidates = index.Candidates;
        var rules = index.Problem.Rules;
        Model = new CpModel();

        _x = new BoolVar[candidates.Length][];
        for (var c = 0; c < candidates.Length; c++)
        {
            _x[c] = [.. index.Options[c].Select(_ => Model.NewBoolVar(string.Empty))];
            if (_x[c].Length > 1)
            {
                Model.AddAtMostOne(_x[c]);
            }
        }

        var bySite = new List<(int C, int O)>[index.Sites.Length];
        for (var c = 0; c < candidates.Length; c++)
        {
            for (var o = 0; o < _x[c].Length; o++)
            {
                (bySite[index.Options[c][o].Site] ??= []).Add((c, o));
            }
        }

        // Secondary aims in the rules' units, before scaling: per-floor waste price of each shared site used,
        // and which (zone, industry) pairs can hold two candidates or more.
        var wastePerFloor = new Dictionary<int, double>();
        if (rules.WasteWeight > 0)
        {
            for (var s = 0; s < index.Sites.Length; s++)
            {
                var site = index.Sites[s];
                if (site.AllowsSplit && bySite[s] is { } tenants && tenants.Any(t => !index.Options[t.C][t.O].Whole))
                {
                    wastePerFloor[s] = rules.WasteWeight * (double)site.FloorArea / site.Floors;
                }
            }
        }

        var groupsOf = new Dictionary<(string Zone, string Industry), HashSet<int>>();
        if (rules.ClusterWeight > 0)
        {
            for (var c = 0; c < candidates.Length; c++)
            {
                foreach (var o in index.Options[c])
                {
                    var key = (index.Sites[o.Site].ZoneId, candidates[c].Industry);
                    if (!groupsOf.TryGetValue(key, out var members))
                    {
                        groupsOf[key] = members = [];
                    }

                    members.Add(c);
                }
            }
        }

        var groups = groupsOf.Where(g => g.Value.Count >= 2).Select(g => g.Key).OrderBy(k => k.Zone, StringComparer.Ordinal).ThenBy(k => k.Industry, StringComparer.Ordinal).ToList();
        var groupSet = groups.ToHashSet();

        // Scale: the secondary range in rule units, then integers.
        var range = groups.Count * rules.ClusterWeight;
        for (var c = 0; c < candidates.Length; c++)
        {
            var best = 0.0;
            foreach (var o in index.Options[c])
            {
                best = Math.Max(best, SecondaryGain(c, o, wastePerFloor, groupSet, rules.ClusterWeight));
            }

            range += best;
        }

        foreach (var (s, price) in wastePerFloor)
        {
            range += price * index.Sites[s].Floors;
        }

        var totalValue = candidates.Sum(c => (long)decimal.Round(c.Value * ValueScale));
        var budget = Math.Min(SecondaryBudget, (ObjectiveCeiling / Math.Max(1, totalValue) / 2) - 1);
        var scale = range > 0 && budget >= 1 ? budget / range : 0;

        _clusterPenalty = (long)Math.Round(rules.ClusterWeight * scale);
        var floorPenalty = wastePerFloor.ToDictionary(kv => kv.Key, kv => (long)Math.Round(kv.Value * scale));

        _coefficient = new long[candidates.Length][];
        long integerRange = groups.Count * _clusterPenalty + floorPenalty.Sum(kv => kv.Value * index.Sites[kv.Key].Floors);
        var secondary = new long[candidates.Length][];
        for (var c = 0; c < candidates.Length; c++)
        {
            secondary[c] = new long[_x[c].Length];
            for (var o = 0; o < _x[c].Length; o++)
            {
                var option = index.Options[c][o];
                var gain = groupSet.Contains((index.Sites[option.Site].ZoneId, candidates[c].Industry)) ? _clusterPenalty : 0;
                if (floorPenalty.TryGetValue(option.Site, out var perFloor))
                {
                    gain += perFloor * option.Floors;
                }

                secondary[c][o] = gain;
            }

            integerRange += secondary[c].DefaultIfEmpty(0).Max();
        }

        SecondaryRange = integerRange;
        Scale = (2 * integerRange) + 1;
        var objective = LinearExpr.NewBuilder();
        for (var c = 0; c < candidates.Length; c++)
        {
            var value = (long)decimal.Round(candidates[c].Value * ValueScale);
            _coefficient[c] = [.. secondary[c].Select(s => (Scale * value) + s)];
            for (var o = 0; o < _x[c].Length; o++)
            {
                objective.AddTerm(_x[c][o], _coefficient[c][o]);
            }
        }

        // Site capacity, with the "used" Boolean of shared sites carrying the waste.
        for (var s = 0; s < index.Sites.Length; s++)
        {
            if (bySite[s] is not { } tenants)
            {
                continue;
            }

            var literals = tenants.Select(t => (ILiteral)_x[t.C][t.O]).ToArray();
            var site = index.Sites[s];
            if (!site.AllowsSplit)
            {
                if (literals.Length > 1)
                {
                    Model.AddAtMostOne(literals);
                }

                continue;
            }

            var floors = tenants.Select(t => (long)index.Options[t.C][t.O].Floors).ToArray();
            if (floorPenalty.TryGetValue(s, out var perFloor) && perFloor > 0)
            {
                var used = Model.NewBoolVar(string.Empty);
                _used[s] = used;
                _usedPenalty[s] = perFloor * site.Floors;
                Model.Add(LinearExpr.WeightedSum(literals, floors) <= LinearExpr.Term(used, site.Floors));
                objective.AddTerm(used, -_usedPenalty[s]);
            }
            else if (floors.Sum() > site.Floors)
            {
                Model.Add(LinearExpr.WeightedSum(literals, floors) <= site.Floors);
            }
        }

        // Clusters: x → b(zone, industry); each b opened costs one ClusterWeight.
        foreach (var key in groups)
        {
            var b = Model.NewBoolVar(string.Empty);
            _cluster[key] = b;
            objective.AddTerm(b, -_clusterPenalty);
        }

        // One linear per (zone, industry) rather than one implication per pair: b opens as soon as one member is
        // placed. Its LP is weaker, but the aim is secondary, and it keeps the model small for presolve.
        if (_clusterPenalty > 0)
        {
            var members = groups.ToDictionary(k => k, _ => new List<ILiteral>());
            for (var c = 0; c < candidates.Length; c++)
            {
                for (var o = 0; o < _x[c].Length; o++)
                {
                    if (members.TryGetValue((index.Sites[index.Options[c][o].Site].ZoneId, candidates[c].Industry), out var list))
                    {
                        list.Add(_x[c][o]);
                    }
                }
            }

            foreach (var key in groups)
            {
                Model.Add(LinearExpr.Sum(members[key]) <= LinearExpr.Term(_cluster[key], groupsOf[key].Count));
            }
        }

        AddPlantHeadroom();
        AddSeparation(bySite);
        Model.Maximize(objective);
    }

    public CpModel Model { get; }

    /// <summary>M: objective units per 0.01 of value.</summary>
    public long Scale { get; }

    /// <summary>
    /// R: the integer range the secondary aims can span. M = 2R + 1, so once the search has proven the gap is at
    /// most R (CP-SAT's <c>absolute_gap_limit</c>), no plan is worth 0.01 more value than the one in hand.
    /// </summary>
    public long SecondaryRange { get; }

    /// <summary>Objective units per unit of value (the divisor that turns the objective into value units).</summary>
    public double ValueUnit => Scale * (double)ValueScale;

    /// <summary>The model's objective for a plan, in its integer units.</summary>
    public long ObjectiveOf(PlanState plan)
    {
        long total = 0;
        var groupsUsed = new HashSet<(string, string)>();
        var sitesUsed = new HashSet<int>();
        for (var c = 0; c < plan.Choice.Length; c++)
        {
            var o = plan.Choice[c];
            if (o < 0)
            {
                continue;
            }

            total += _coefficient[c][o];
            var option = _index.Options[c][o];
            sitesUsed.Add(option.Site);
            var key = (_index.Sites[option.Site].ZoneId, _index.Candidates[c].Industry);
            if (_cluster.ContainsKey(key))
            {
                groupsUsed.Add(key);
            }
        }

        total -= groupsUsed.Count * _clusterPenalty;
        total -= sitesUsed.Where(_usedPenalty.ContainsKey).Sum(s => _usedPenalty[s]);
        return total;
    }

    /// <summary>Hints the whole plan (every variable), so the first solution CP-SAT reports is at least this good.</summary>
    public void AddHint(PlanState plan)
    {
        var sitesUsed = new HashSet<int>();
        var hazardSites = new HashSet<int>();
        var groupsUsed = new HashSet<(string, string)>();
        for (var c = 0; c < _x.Length; c++)
        {
            for (var o = 0; o < _x[c].Length; o++)
            {
                var taken = plan.Choice[c] == o;
                Model.AddHint(_x[c][o], taken);
                if (taken)
                {
                    var site = _index.Options[c][o].Site;
                    sitesUsed.Add(site);
                    groupsUsed.Add((_index.Sites[site].ZoneId, _index.Candidates[c].Industry));
                    if (_index.IsHazardous[c])
                    {
                        hazardSites.Add(site);
                    }
                }
            }
        }

        foreach (var (s, used) in _used)
        {
            Model.AddHint(used, sitesUsed.Contains(s));
        }

        foreach (var (key, b) in _cluster)
        {
            Model.AddHint(b, groupsUsed.Contains(key));
        }

        foreach (var (s, h) in _hazard)
        {
            Model.AddHint(h, hazardSites.Contains(s));
        }
    }

    /// <summary>Reads the plan of the solver's last solution.</summary>
    public PlanState ReadPlan(Func<ILiteral, bool> value)
    {
        var plan = new PlanState(_index);
        for (var c = 0; c < _x.Length; c++)
        {
            for (var o = 0; o < _x[c].Length; o++)
            {
                if (value(_x[c][o]))
                {
                    plan.Take(c, o);
                    break;
                }
            }
        }

        return plan;
    }

    private double SecondaryGain(int c, SiteOption o, Dictionary<int, double> wastePerFloor, HashSet<(string, string)> groups, double clusterWeight)
    {
        var gain = groups.Contains((_index.Sites[o.Site].ZoneId, _index.Candidates[c].Industry)) ? clusterWeight : 0;
        if (wastePerFloor.TryGetValue(o.Site, out var price))
        {
            gain += price * o.Floors;
        }

        return gain;
    }

    private void AddPlantHeadroom()
    {
        for (var p = 0; p < _index.Plants.Length; p++)
        {
            var literals = new List<ILiteral>();
            var discharges = new List<long>();
            for (var c = 0; c < _x.Length; c++)
            {
                var discharge = _index.DischargeMilli[c];
                if (discharge == 0)
                {
                    continue;
                }

                for (var o = 0; o < _x[c].Length; o++)
                {
                    if (_index.SitePlants[_index.Options[c][o].Site].Contains(p))
                    {
                        literals.Add(_x[c][o]);
                        discharges.Add(discharge);
                    }
                }
            }

            // A candidate takes one site at most, so the most it can discharge into a plant is its discharge once.
            var most = Enumerable.Range(0, _x.Length)
                .Where(c => _index.Options[c].Any(o => _index.SitePlants[o.Site].Contains(p)))
                .Sum(c => _index.DischargeMilli[c]);
            if (most > _index.HeadroomMilli[p])
            {
                Model.Add(LinearExpr.WeightedSum(literals, discharges) <= _index.HeadroomMilli[p]);
            }
        }
    }

    private void AddSeparation(List<(int C, int O)>[] bySite)
    {
        if (!_index.SeparationApplies)
        {
            return;
        }

        foreach (var s in _index.HazardSites)
        {
            var h = Model.NewBoolVar(string.Empty);
            _hazard[s] = h;
            var hazardous = bySite[s].Where(t => _index.IsHazardous[t.C]).Select(t => (ILiteral)_x[t.C][t.O]).ToArray();
            Model.Add(LinearExpr.Sum(hazardous) <= h);
        }

        foreach (var (a, b) in _index.Conflicts)
        {
            Model.AddBoolOr([_hazard[a].Not(), _hazard[b].Not()]);
        }
    }
}
