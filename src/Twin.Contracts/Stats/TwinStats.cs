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
    [Id(0)]
    public SortedDictionary<EnterpriseStatus, int> EnterprisesByStatus { get; init; } = [];

    /// <summary>Enterprises above designated size (规上), not exited.</summary>
    [Id(1)]
    public int AboveDesignatedSize { get; set; }

    [Id(2)]
    public SortedDictionary<ConstructionStage, int> BuildingsByStage { get; init; } = [];

    /// <summary>Floor area of completed standard buildings, by use.</summary>
    [Id(3)]
    public SortedDictionary<BuildingUse, decimal> CompletedFloorArea { get; init; } = [];

    /// <summary>Floor area of every standard building, built or not, by use.</summary>
    [Id(4)]
    public SortedDictionary<BuildingUse, decimal> PlannedFloorArea { get; init; } = [];

    /// <summary>Completed standard buildings with no tenant.</summary>
    [Id(5)]
    public int VacantCompletedBuildings { get; set; }

    /// <summary>Revenue, tax and exports by month (<c>YYYY-MM</c>).</summary>
    [Id(6)]
    public SortedDictionary<string, MonthTotals> Monthly { get; init; } = new(StringComparer.Ordinal);

    [Id(7)]
    public SortedDictionary<PlantStatus, int> PlantsByStatus { get; init; } = [];

    /// <summary>Plants whose latest effluent meets every permit limit.</summary>
    [Id(8)]
    public int PlantsCompliant { get; set; }

    /// <summary>Design capacity of operating plants, t/day.</summary>
    [Id(9)]
    public decimal PlantCapacity { get; set; }

    /// <summary>Latest inflow of operating plants, t/day.</summary>
    [Id(10)]
    public decimal PlantInflow { get; set; }

    [Id(11)]
    public SortedDictionary<NetworkStatus, int> NetworkByStatus { get; init; } = [];

    [Id(12)]
    public SortedDictionary<StationType, int> StationsByType { get; init; } = [];

    [Id(13)]
    public int Facilities { get; set; }

    /// <summary>
    /// Settled (落户): enterprises that have moved in, whether building, producing or suspended;
    /// a Signed (签约) enterprise has not settled yet, an Exited one no longer counts.
    /// </summary>
    public int EnterprisesSettled =>
        Count(EnterpriseStatus.UnderConstruction) + Count(EnterpriseStatus.InProduction) + Count(EnterpriseStatus.Suspended);

    public int Count(EnterpriseStatus status) => EnterprisesByStatus.GetValueOrDefault(status);

    public int Count(ConstructionStage stage) => BuildingsByStage.GetValueOrDefault(stage);

    /// <summary>Revenue, tax and exports summed over the months of <paramref name="year"/>.</summary>
    public MonthTotals YearToDate(int year)
    {
        var prefix = $"{year:D4}-";
        var total = new MonthTotals();
        foreach (var (month, totals) in Monthly)
        {
            if (month.StartsWith(prefix, StringComparison.Ordinal))
            {
                total = total + totals;
            }
        }

        return total;
    }

    /// <summary>Adds (<paramref name="sign"/> = 1) or removes (-1) another's figures; zero entries are dropped.</summary>
    public void Accumulate(TwinStats other, int sign)
    {
        ArgumentNullException.ThrowIfNull(other);
        Merge(EnterprisesByStatus, other.EnterprisesByStatus, sign);
        AboveDesignatedSize += sign * other.AboveDesignatedSize;
        Merge(BuildingsByStage, other.BuildingsByStage, sign);
        Merge(CompletedFloorArea, other.CompletedFloorArea, sign);
        Merge(PlannedFloorArea, other.PlannedFloorArea, sign);
        VacantCompletedBuildings += sign * other.VacantCompletedBuildings;
        foreach (var (month, totals) in other.Monthly)
        {
            var sum = Monthly.GetValueOrDefault(month) + (sign * totals);
            if (sum.IsZero)
            {
                Monthly.Remove(month);
            }
            else
            {
                Monthly[month] = sum;
            }
        }

        Merge(PlantsByStatus, other.PlantsByStatus, sign);
        PlantsCompliant += sign * other.PlantsCompliant;
        PlantCapacity += sign * other.PlantCapacity;
        PlantInflow += sign * other.PlantInflow;
        Merge(NetworkByStatus, other.NetworkByStatus, sign);
        Merge(StationsByType, other.StationsByType, sign);
        Facilities += sign * other.Facilities;
    }

    public TwinStats Clone()
    {
        var copy = new TwinStats();
        copy.Accumulate(this, 1);
        return copy;
    }

    private static void Merge<TKey>(SortedDictionary<TKey, int> into, SortedDictionary<TKey, int> from, int sign)
        where TKey : notnull
    {
        foreach (var (key, value) in from)
        {
            var sum = into.GetValueOrDefault(key) + (sign * value);
            if (sum == 0)
            {
                into.Remove(key);
            }
            else
            {
                into[key] = sum;
            }
        }
    }

    private static void Merge<TKey>(SortedDictionary<TKey, decimal> into, SortedDictionary<TKey, decimal> from, int sign)
        where TKey : notnull
    {
        foreach (var (key, value) in from)
        {
            var sum = into.GetValueOrDefault(key) + (sign * value);
            if (sum == 0)
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
