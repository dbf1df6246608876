namespace Twin.Contracts.Rules;

/// <summary>
/// An enterprise's lifecycle: Signed → UnderConstruction → InProduction, Signed straight into
/// production in a finished building, Suspended and back, Exited from anywhere and for good.
/// </summary>
public static class EnterpriseRules
{
    private static readonly Dictionary<EnterpriseStatus, EnterpriseStatus[]> Allowed = new()
    {
        [EnterpriseStatus.Signed] = [EnterpriseStatus.UnderConstruction, EnterpriseStatus.InProduction, EnterpriseStatus.Exited],
        [EnterpriseStatus.UnderConstruction] = [EnterpriseStatus.InProduction, EnterpriseStatus.Suspended, EnterpriseStatus.Exited],
        [EnterpriseStatus.InProduction] = [EnterpriseStatus.Suspended, EnterpriseStatus.Exited],
        [EnterpriseStatus.Suspended] = [EnterpriseStatus.UnderConstruction, EnterpriseStatus.InProduction, EnterpriseStatus.Exited],
        [EnterpriseStatus.Exited] = [],
    };

    public static RuleViolation? CheckTransition(EnterpriseStatus from, EnterpriseStatus to)
    {
        if (!Enum.IsDefined(to))
        {
            return new("status", $"unknown status {to}");
        }

        if (from == to)
        {
            return new("status", $"the enterprise is already {to}", IsConflict: true);
        }

        return Allowed[from].Contains(to)
            ? null
            : new("status", $"an enterprise cannot go from {from} to {to}", IsConflict: true);
    }

    /// <summary>Whether a month's figures are well formed: <c>YYYY-MM</c> and no negative revenue or tax.</summary>
    public static RuleViolation? CheckFigures(MonthlyFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (!IsMonth(figures.Month))
        {
            return new("month", $"'{figures.Month}' is not a month (YYYY-MM)");
        }

        if (figures.Revenue < 0)
        {
            return new("revenue", "revenue cannot be negative");
        }

        if (figures.Tax < 0)
        {
            return new("tax", "tax cannot be negative");
        }

        return figures.Exports < 0 ? new("exports", "exports cannot be negative") : null;
    }

    public static bool IsMonth(string? month) =>
        month is { Length: 7 } && month[4] == '-'
        && int.TryParse(month.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100
        && int.TryParse(month.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12;
}
