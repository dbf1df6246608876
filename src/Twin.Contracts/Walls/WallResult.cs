using Twin.Contracts.Rules;

namespace Twin.Contracts.Walls;

/// <summary>The answer to a wall command: the wall's state after it, or the field at fault (nothing changed).</summary>
[GenerateSerializer, Immutable]
[Alias("twin.wall-result")]
public sealed record WallResult(
    [property: Id(0)] WallState State,
    [property: Id(1)] string? Field = null,
    [property: Id(2)] string? Error = null)
{
    public bool IsAccepted => Field is null;

    public static WallResult Refused(WallState state, RuleViolation violation) => new(state, violation.Field, violation.Error);
}
