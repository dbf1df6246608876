using System.Text.RegularExpressions;
using Twin.Planning.Allocation;

namespace Twin.Planning.Scenarios;

/// <summary>What a candidate's figures may be; every check names the field at fault.</summary>
public static partial class CandidateRules
{
    public const int MaxCandidates = 2000;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,47}$")]
    private static partial Regex PlannerId();

    /// <summary>A planner's own id (slug) or an enterprise twin id.</summary>
    public static bool IsCandidateId(string? id) =>
        id is not null && (PlannerId().IsMatch(id) || TwinIds.IsKind(id, TwinKind.Enterprise));

    /// <summary>The first problem with a candidate, as (field, error), or null.</summary>
    public static (string Field, string Error)? Check(Candidate c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!IsCandidateId(c.Id))
        {
            return ("id", $"'{c.Id}' is not a candidate id: lower-case letters, digits, '.', '_' and '-', at most 48, or an enterprise id");
        }

        if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 100)
        {
            return ("name", "a name of 1 to 100 characters is needed");
        }

        if (!IndustryKeys.IsKey(c.Industry))
        {
            return ("industry", $"'{c.Industry}' is not an industry; use one of {string.Join(", ", IndustryKeys.All)}");
        }

        if (c.MinArea <= 0)
        {
            return ("minArea", "the smallest floor area must be above 0 m²");
        }

        if (c.MaxArea < c.MinArea)
        {
            return ("maxArea", $"the largest floor area ({c.MaxArea}) is below the smallest ({c.MinArea})");
        }

        if (c.MaxArea > 1_000_000)
        {
            return ("maxArea", "the largest floor area is at most 1,000,000 m²");
        }

        if (c.Floors is < 1 or > 50)
        {
            return ("floors", "floors are 1 to 50");
        }

        if (c.Discharge < 0 || c.Discharge > 100_000)
        {
            return ("discharge", "discharge is 0 to 100,000 t/day");
        }

        if (c.HazardClass is < 0 or > 3)
        {
            return ("hazardClass", "the hazard class is 0 (none) to 3");
        }

        if (c.ReadyBy.Year is < 2000 or > 2100)
        {
            return ("readyBy", "the ready-by date is between 2000 and 2100");
        }

        return c.Value is < 0 or > 100_000_000 ? ("value", "the value is 0 to 100,000,000 (万元)") : null;
    }
}
