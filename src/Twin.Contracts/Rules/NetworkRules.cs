namespace Twin.Contracts.Rules;

/// <summary>A road or pipe segment only moves forward: Planned → Designed → UnderConstruction → Completed → Accepted.</summary>
public static class NetworkRules
{
    public static RuleViolation? CheckTransition(NetworkStatus from, NetworkStatus to)
    {
        if (!Enum.IsDefined(to))
        {
            return new("status", $"unknown status {to}");
        }

        return to <= from
            ? new("status", $"a segment {from} cannot go to {to}", IsConflict: true)
            : null;
    }
}
