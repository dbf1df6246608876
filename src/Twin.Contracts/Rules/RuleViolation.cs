namespace Twin.Contracts.Rules;

/// <summary>Why a change is refused: the field at fault and, for a state conflict, <see cref="IsConflict"/>.</summary>
public sealed record RuleViolation(string Field, string Error, bool IsConflict = false);
