namespace Twin.Contracts.Security;

/// <summary>
/// Who is calling and what they call it, carried from the web front to the grains in Orleans'
/// <see cref="RequestContext"/> so each twin records its own audit entry where the change happens.
/// </summary>
public static class AuditContext
{
    private const string ActorKey = "twin.actor";
    private const string CommandKey = "twin.command";

    /// <summary>Sets the caller and the command for the grain calls that follow on this async flow.</summary>
    public static void Set(string actor, string command)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentException.ThrowIfNullOrEmpty(command);
        RequestContext.Set(ActorKey, actor);
        RequestContext.Set(CommandKey, command);
    }

    /// <summary>Forgets the caller (e.g. before a batch of telemetry that is audited per batch).</summary>
    public static void Clear()
    {
        RequestContext.Remove(ActorKey);
        RequestContext.Remove(CommandKey);
    }

    /// <summary>The caller and command of the current call, or null when nobody is named (not audited).</summary>
    public static (string Actor, string Command)? Current =>
        RequestContext.Get(ActorKey) is string actor && RequestContext.Get(CommandKey) is string command
            ? (actor, command)
            : null;
}
