using System.Globalization;
using System.Text;

namespace Twin.Contracts.Stats;

/// <summary>
/// The figures the report quotes, for one twin (its contribution), a zone or the park.
/// Zone figures are the sum of their members' contributions, the park's the sum of its zones,
/// so they always equal a recount; every quantity is a count or a decimal, so sums are exact.
/// Money in 万元, areas in m², flows in t/day.
/// </summary>
[GenerateSerializer]
[Alias("twin.stats")]
public sealed class TwinStats
{
    // Each dictionary is made when first asked for: a zone keeps one contribution per member, and a
    // station's, say, fills one of the eight. Orleans serializes the fields (null when never made);
    // JSON and callers see the properties, never null.
    [Id(0)]
    private SortedDictionary<EnterpriseStatus, int>? _enterprisesByStatus;

    [Id(2)]
    private SortedDictionary<ConstructionStage, int>? _buildingsByStage;

    [Id(3)]
    private SortedDictionary<BuildingUse, decimal>? _completedFloorArea;

    [Id(4)]
    private SortedDictionary<BuildingUse, decimal>? _plannedFloorArea;

    [Id(6)]
    private SortedDictionary<string, MonthTotals>? _monthly;

    [Id(7)]
    private SortedDictionary<PlantStatus, int>? _plantsByStatus;

    [Id(11)]
    private SortedDictionary<NetworkStatus, int>? _networkByStatus;

    [Id(12)]
    private SortedDictionary<StationType, int>? _stationsByType;

    public SortedDictionary<EnterpriseStatus, int> EnterprisesByStatus { get => _enterprisesByStatus ??= []; init => _enterprisesByStatus = value; }

    /// <summary>Enterprises above designated size (规上), not exited.</summary>
    [Id(1)]
    public int AboveDesignatedSize { get; set; }

    public SortedDictionary<ConstructionStage, int> BuildingsByStage { get => _buildingsByStage ??= []; init => _buildingsByStage = value; }

    /// <summary>Floor area of completed standard buildings, by use.</summary>
    public SortedDictionary<BuildingUse, decimal> CompletedFloorArea { get => _completedFloorArea ??= []; init => _completedFloorArea = value; }

    /// <summary>Floor area of every standard building, built or not, by use.</summary>
    public SortedDictionary<BuildingUse, decimal> PlannedFloorArea { get => _plannedFloorArea ??= []; init => _plannedFloorArea = value; }

    /// <summary>Completed standard buildings with no tenant.</summary>
    [Id(5)]
    public int VacantCompletedBuildings { get; set; }

    /// <summary>Revenue, tax and exports by month (<c>YYYY-MM</c>).</summary>
    public SortedDictionary<string, MonthTotals> Monthly { get => _monthly ??= new(StringComparer.Ordinal); init => _monthly = value; }

    public SortedDictionary<PlantStatus, int> PlantsByStatus { get => _plantsByStatus ??= []; init => _plantsByStatus = value; }

    /// <summary>Plants whose latest effluent meets every permit limit.</summary>
    [Id(8)]
    public int PlantsCompliant { get; set; }

    /// <summary>Design capacity of operating plants, t/day.</summary>
    [Id(9)]
    public decimal PlantCapacity { get; set; }

    /// <summary>Latest inflow of operating plants, t/day.</summary>
    [Id(10)]
    public decimal PlantInflow { get; set; }

    public SortedDictionary<NetworkStatus, int> NetworkByStatus { get => _networkByStatus ??= []; init => _networkByStatus = value; }

    public SortedDictionary<StationType, int> StationsByType { get => _stationsByType ??= []; init => _stationsByType = value; }

    [Id(13)]
    public int Facilities { get; set; }

    /// <summary>
    /// Settled (落户): enterprises that have moved in, whether building, producing or suspended;
    /// a Signed (签约) enterprise has not settled yet, an Exited one no longer counts.
    /// </summary>
    public int EnterprisesSettled =>
        Count(EnterpriseStatus.UnderConstruction) + Count(EnterpriseStatus.InProduction) + Count(EnterpriseStatus.Suspended);

    public int Count(EnterpriseStatus status) => _enterprisesByStatus?.GetValueOrDefault(status) ?? 0;

    public int Count(ConstructionStage stage) => _buildingsByStage?.GetValueOrDefault(stage) ?? 0;

    /// <summary>Revenue, tax and exports summed over the months of <paramref name="year"/>.</summary>
    public MonthTotals YearToDate(int year)
    {
        var prefix = $"{year:D4}-";
        var total = new MonthTotals();
        foreach (var (month, totals) in _monthly ?? [])
        {
            if (month.StartsWith(prefix, StringComparison.Ordinal))
            {
                total = total + totals;
            }
        }

        return total;
    }

    /// <summary>
    /// A key that is equal for equal figures when every figure is a count (no floor area, money or
    /// flow), as a station's, a segment's or a facility's contribution is; otherwise null. A few
    /// such keys cover thousands of twins.
    /// </summary>
    public string? CountsOnlyKey()
    {
        if (_completedFloorArea is { Count: > 0 } || _plannedFloorArea is { Count: > 0 } || _monthly is { Count: > 0 }
            || PlantCapacity != 0 || PlantInflow != 0)
        {
            return null;
        }

        var key = new StringBuilder();
        AppendCounts(key, 'e', _enterprisesByStatus);
        AppendCounts(key, 'b', _buildingsByStage);
        AppendCounts(key, 'p', _plantsByStatus);
        AppendCounts(key, 'n', _networkByStatus);
        AppendCounts(key, 's', _stationsByType);
        return key.Append(CultureInfo.InvariantCulture, $"a{AboveDesignatedSize}v{VacantCompletedBuildings}c{PlantsCompliant}f{Facilities}").ToString();
    }

    private static void AppendCounts<TKey>(StringBuilder key, char name, SortedDictionary<TKey, int>? counts)
        where TKey : struct, Enum
    {
        key.Append(name);
        foreach (var (k, count) in counts ?? [])
        {
            key.Append(CultureInfo.InvariantCulture, $"{Convert.ToInt32(k, CultureInfo.InvariantCulture)}={count},");
        }
    }

    /// <summary>Adds (<paramref name="sign"/> = 1) or removes (-1) another's figures; zero entries are dropped.</summary>
    public void Accumulate(TwinStats other, int sign)
    {
        ArgumentNullException.ThrowIfNull(other);
        Merge(ref _enterprisesByStatus, other._enterprisesByStatus, sign);
        AboveDesignatedSize += sign * other.AboveDesignatedSize;
        Merge(ref _buildingsByStage, other._buildingsByStage, sign);
        Merge(ref _completedFloorArea, other._completedFloorArea, sign);
        Merge(ref _plannedFloorArea, other._plannedFloorArea, sign);
        VacantCompletedBuildings += sign * other.VacantCompletedBuildings;
        if (other._monthly is { Count: > 0 } months)
        {
            var monthly = Monthly;
            foreach (var (month, totals) in months)
            {
                var sum = monthly.GetValueOrDefault(month) + (sign * totals);
                if (sum.IsZero)
                {
                    monthly.Remove(month);
                }
                else
                {
                    monthly[month] = sum;
                }
            }
        }

        Merge(ref _plantsByStatus, other._plantsByStatus, sign);
        PlantsCompliant += sign * other.PlantsCompliant;
        PlantCapacity += sign * other.PlantCapacity;
        PlantInflow += sign * other.PlantInflow;
        Merge(ref _networkByStatus, other._networkByStatus, sign);
        Merge(ref _stationsByType, other._stationsByType, sign);
        Facilities += sign * other.Facilities;
    }

    public TwinStats Clone()
    {
        var copy = new TwinStats();
        copy.Accumulate(this, 1);
        return copy;
    }

    private static void Merge<TKey, TValue>(ref SortedDictionary<TKey, TValue>? into, SortedDictionary<TKey, TValue>? from, int sign)
        where TKey : notnull
        where TValue : System.Numerics.INumber<TValue>
    {
        if (from is not { Count: > 0 })
        {
            return;
        }

        into ??= [];
        var factor = TValue.CreateChecked(sign);
        foreach (var (key, value) in from)
        {
            var sum = into.GetValueOrDefault(key)! + (factor * value);
            if (TValue.IsZero(sum))
            {
                into.Remove(key);
            }
            else
            {
                into[key] = sum;
            }
        }
    }
}
