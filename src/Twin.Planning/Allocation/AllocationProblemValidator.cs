using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Twin.Planning.Allocation;

/// <summary>
/// Rejects a malformed <see cref="AllocationProblem"/> or <see cref="SolveOptions"/> before any work is done,
/// with an <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> names the field,
/// e.g. <c>Candidates[3].MaxArea</c>.
/// </summary>
/// <remarks>
/// Accepted on purpose: a plant listing a zone no site is in (it simply constrains nothing); a plant with a
/// negative headroom (a plant already over capacity: it takes no discharge, only candidates discharging 0 t/day);
/// a site whose zone has no rule (it accepts nobody); a candidate whose industry no zone accepts (it is explained).
/// </remarks>
public static class AllocationProblemValidator
{
    /// <summary>Largest accepted <see cref="Candidate.Value"/>: keeps the scaled objective exact in 64-bit integers.</summary>
    public const decimal MaxValue = 1_000_000_000m;

    public static void Validate(AllocationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Require(problem.Candidates is not null, "Candidates", "is required");
        Require(problem.Sites is not null, "Sites", "is required");
        Require(problem.Plants is not null, "Plants", "is required");
        Require(problem.ExistingHazards is not null, "ExistingHazards", "is required");
        Require(problem.Rules is not null, "Rules", "is required");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < problem.Candidates.Count; i++)
        {
            var c = problem.Candidates[i];
            var at = Field("Candidates", i);
            Require(c is not null, at, "is null");
            Require(!string.IsNullOrWhiteSpace(c.Id), at + ".Id", "is empty");
            Require(ids.Add(c.Id), at + ".Id", $"'{c.Id}' appears twice");
            Require(!string.IsNullOrWhiteSpace(c.Industry), at + ".Industry", "is empty");
            Require(c.MinArea >= 0, at + ".MinArea", "is negative");
            Require(c.MaxArea > 0, at + ".MaxArea", "must be above 0");
            Require(c.MinArea <= c.MaxArea, at + ".MinArea", FormattableString.Invariant($"{c.MinArea} is above MaxArea {c.MaxArea}"));
            Require(c.Floors >= 1, at + ".Floors", "must be at least 1");
            Require(c.Discharge >= 0, at + ".Discharge", "is negative");
            Require(c.HazardClass >= 0, at + ".HazardClass", "is negative");
            Require(c.Value >= 0, at + ".Value", "is negative");
            Require(c.Value <= MaxValue, at + ".Value", "is above 1,000,000,000");
        }

        var buildings = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < problem.Sites.Count; i++)
        {
            var s = problem.Sites[i];
            var at = Field("Sites", i);
            Require(s is not null, at, "is null");
            Require(!string.IsNullOrWhiteSpace(s.BuildingId), at + ".BuildingId", "is empty");
            Require(buildings.Add(s.BuildingId), at + ".BuildingId", $"'{s.BuildingId}' appears twice");
            Require(!string.IsNullOrWhiteSpace(s.ZoneId), at + ".ZoneId", "is empty");
            Require(s.FloorArea > 0, at + ".FloorArea", "must be above 0");
            Require(s.Floors >= 1, at + ".Floors", "must be at least 1");
            Require(s.FootprintMetric is { IsEmpty: false }, at + ".FootprintMetric", "is missing or empty");
        }

        var plants = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < problem.Plants.Count; i++)
        {
            var p = problem.Plants[i];
            var at = Field("Plants", i);
            Require(p is not null, at, "is null");
            Require(!string.IsNullOrWhiteSpace(p.PlantId), at + ".PlantId", "is empty");
            Require(plants.Add(p.PlantId), at + ".PlantId", $"'{p.PlantId}' appears twice");
            Require(p.ZoneIds is not null, at + ".ZoneIds", "is required");
        }

        for (var i = 0; i < problem.ExistingHazards.Count; i++)
        {
            var h = problem.ExistingHazards[i];
            var at = Field("ExistingHazards", i);
            Require(h is not null, at, "is null");
            Require(h.FootprintMetric is { IsEmpty: false }, at + ".FootprintMetric", "is missing or empty");
        }

        var rules = problem.Rules;
        Require(rules.ZoneIndustries is not null, "Rules.ZoneIndustries", "is required");
        var zones = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.ZoneIndustries.Count; i++)
        {
            var z = rules.ZoneIndustries[i];
            var at = Field("Rules.ZoneIndustries", i);
            Require(z is not null, at, "is null");
            Require(!string.IsNullOrWhiteSpace(z.ZoneId), at + ".ZoneId", "is empty");
            Require(zones.Add(z.ZoneId), at + ".ZoneId", $"'{z.ZoneId}' has two rules");
            Require(z.Industries is not null, at + ".Industries", "is required");
        }

        Require(rules.HazardThreshold >= 1, "Rules.HazardThreshold", "must be at least 1 (class 0 means no hazard)");
        Require(double.IsFinite(rules.SeparationMetres) && rules.SeparationMetres >= 0, "Rules.SeparationMetres", "must be a finite number, 0 or more");
        Require(double.IsFinite(rules.ClusterWeight) && rules.ClusterWeight >= 0, "Rules.ClusterWeight", "must be a finite number, 0 or more");
        Require(double.IsFinite(rules.WasteWeight) && rules.WasteWeight >= 0, "Rules.WasteWeight", "must be a finite number, 0 or more");
    }

    public static void Validate(SolveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Require(options.TimeLimit > TimeSpan.Zero, "TimeLimit", "must be above 0");
        Require(options.Workers is >= 1 and <= 64, "Workers", "must be 1 to 64");
        Require(double.IsFinite(options.RelativeGap) && options.RelativeGap is >= 0 and < 1, "RelativeGap", "must be at least 0 and below 1");
        Require(options.Seed >= 0, "Seed", "must be 0 or more");
    }

    private static string Field(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");

    private static void Require([DoesNotReturnIf(false)] bool ok, string field, string problem)
    {
        if (!ok)
        {
            throw new ArgumentException($"{field} {problem}.", field);
        }
    }
}
