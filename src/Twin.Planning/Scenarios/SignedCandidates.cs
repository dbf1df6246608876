using Twin.Planning.Allocation;

namespace Twin.Planning.Scenarios;

/// <summary>
/// Candidates from the enterprises already Signed in the twin with no building yet. The twin does
/// not hold what they need (area, floors, ready-by date, value), so they start with the defaults
/// here, for the planner to edit.
/// </summary>
public static class SignedCandidates
{
    public const decimal DefaultMinArea = 2000;
    public const decimal DefaultMaxArea = 8000;
    public const decimal DefaultValue = 100;

    public static IReadOnlyList<CandidateEntry> From(ScenarioState scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var held = scenario.Candidates.Select(c => c.Candidate.Id).ToHashSet(StringComparer.Ordinal);
        var readyBy = DateOnly.FromDateTime(scenario.Snapshot.TakenAt.UtcDateTime).AddYears(1);
        return [.. scenario.Snapshot.SignedEnterprises
            .Where(e => !held.Contains(e.Id))
            .Select(e => new CandidateEntry(
                new Candidate(e.Id, e.Name, IndustryKeys.Of(e.Industry), DefaultMinArea, DefaultMaxArea, 1, e.Discharge, e.HazardClass, readyBy, DefaultValue),
                CandidateSource.Signed,
                e.Version))];
    }
}
