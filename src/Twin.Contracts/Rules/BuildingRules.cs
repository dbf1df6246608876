namespace Twin.Contracts.Rules;

/// <summary>
/// What a standard building's floors and stage may be: floors are 0 until the structure rises,
/// 1..N-1 while it does, N once topped out; stages only move forward; floors never fall and
/// never exceed the plan.
/// </summary>
public static class BuildingRules
{
    /// <summary>Whether floors and stage agree with each other and the plan.</summary>
    public static RuleViolation? CheckConsistent(int floorsPlanned, int floorsBuilt, ConstructionStage stage)
    {
        if (floorsPlanned < 1)
        {
            return new("floorsPlanned", "a building has at least one floor");
        }

        if (floorsBuilt < 0)
        {
            return new("floorsBuilt", "floors built cannot be negative");
        }

        if (floorsBuilt > floorsPlanned)
        {
            return new("floorsBuilt", $"floors built ({floorsBuilt}) exceed floors planned ({floorsPlanned})");
        }

        return stage switch
        {
            ConstructionStage.Planned or ConstructionStage.Piling or ConstructionStage.Foundation when floorsBuilt != 0 =>
                new("floorsBuilt", $"a building at stage {stage} has no floors built yet"),
            ConstructionStage.Structure when floorsBuilt == 0 || floorsBuilt == floorsPlanned =>
                new("floorsBuilt", $"a building at stage Structure has 1 to {floorsPlanned - 1} floors built; with all {floorsPlanned} it is ToppedOut"),
            ConstructionStage.ToppedOut or ConstructionStage.Completed when floorsBuilt != floorsPlanned =>
                new("floorsBuilt", $"a building at stage {stage} has all {floorsPlanned} floors built"),
            _ when !Enum.IsDefined(stage) => new("stage", $"unknown stage {stage}"),
            _ => null,
        };
    }

    /// <summary>Whether a building now at <paramref name="current"/> may report this progress.</summary>
    public static RuleViolation? CheckProgress(BuildingState current, int floorsBuilt, ConstructionStage stage)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (CheckConsistent(current.FloorsPlanned, floorsBuilt, stage) is { } invalid)
        {
            return invalid;
        }

        if (stage < current.Stage)
        {
            return new("stage", $"a building at stage {current.Stage} cannot go back to {stage}", IsConflict: true);
        }

        if (floorsBuilt < current.FloorsBuilt)
        {
            return new("floorsBuilt", $"floors built cannot fall from {current.FloorsBuilt} to {floorsBuilt}", IsConflict: true);
        }

        if (stage == current.Stage && floorsBuilt == current.FloorsBuilt)
        {
            return new("stage", $"the building is already at stage {stage} with {floorsBuilt} floors", IsConflict: true);
        }

        return null;
    }
}
