namespace Twin.Contracts.Commands;

/// <summary>How a command ended.</summary>
public enum CommandOutcome
{
    /// <summary>Applied and published; written to storage unless the result says it is not <c>Durable</c> yet.</summary>
    Accepted,

    /// <summary>The command itself is wrong (HTTP 400); nothing changed.</summary>
    Invalid,

    /// <summary>The twin's current state refuses it: stale version, illegal transition (HTTP 409); nothing changed.</summary>
    Conflict,

    /// <summary>No such twin (HTTP 404).</summary>
    NotFound,
}

/// <summary>
/// The answer to a command: the outcome, the field at fault, the twin's state after it, and
/// whether that state is in storage already (always for business commands; for write-behind
/// readings only when asked for).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("twin.command-result")]
public sealed record CommandResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] TwinState? State,
    [property: Id(2)] string? Field = null,
    [property: Id(3)] string? Error = null,
    [property: Id(4)] bool Durable = true)
{
    public bool IsAccepted => Outcome == CommandOutcome.Accepted;

    public static CommandResult Accepted(TwinState state) => new(CommandOutcome.Accepted, state);

    /// <summary>Applied and published, in storage within the write-behind flush interval (a reading).</summary>
    public static CommandResult AcceptedNotYetDurable(TwinState state) => new(CommandOutcome.Accepted, state, Durable: false);

    public static CommandResult Invalid(string field, string error, TwinState? state = null) =>
        new(CommandOutcome.Invalid, state, field, error);

    public static CommandResult Conflict(string field, string error, TwinState? state = null) =>
        new(CommandOutcome.Conflict, state, field, error);

    public static CommandResult NotFound(string id) => new(CommandOutcome.NotFound, null, "id", $"no twin '{id}'");
}
