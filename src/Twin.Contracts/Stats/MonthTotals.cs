namespace Twin.Contracts.Stats;

/// <summary>Revenue, tax and exports of a month or a period, 万元.</summary>
[GenerateSerializer, Immutable]
[Alias("twin.month-totals")]
public readonly record struct MonthTotals(
    [property: Id(0)] decimal Revenue,
    [property: Id(1)] decimal Tax,
    [property: Id(2)] decimal Exports)
{
    public bool IsZero => Revenue == 0 && Tax == 0 && Exports == 0;

    public static MonthTotals operator +(MonthTotals a, MonthTotals b) =>
        new(a.Revenue + b.Revenue, a.Tax + b.Tax, a.Exports + b.Exports);

    public static MonthTotals operator *(int sign, MonthTotals a) =>
        new(sign * a.Revenue, sign * a.Tax, sign * a.Exports);

    public static MonthTotals Add(MonthTotals a, MonthTotals b) => a + b;

    public static MonthTotals Multiply(int sign, MonthTotals a) => sign * a;
}
