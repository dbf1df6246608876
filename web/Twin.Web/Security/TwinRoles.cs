using System.Security.Claims;

namespace Twin.Web.Security;

/// <summary>The roles a person can hold (several at once). Keys are not people and hold none of these.</summary>
public static class TwinRoles
{
    /// <summary>Leaders: read everything, follow the live feed.</summary>
    public const string Viewer = "viewer";

    /// <summary>Data entry: construction progress, enterprise status and figures, network status, plant readings by hand.</summary>
    public const string Operator = "operator";

    /// <summary>Scenarios, the optimiser, commit.</summary>
    public const string Planner = "planner";

    /// <summary>Drives a wall.</summary>
    public const string Presenter = "presenter";

    /// <summary>Users, roles, keys.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Planner, Presenter, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

/// <summary>The claims the twin issues besides name and roles.</summary>
public static class TwinClaims
{
    /// <summary>Who, as written in the audit trail: <c>user:{name}</c> or <c>key:{id}</c>.</summary>
    public const string Actor = "twin:actor";

    /// <summary>The id of the API key a principal signed in with.</summary>
    public const string KeyId = "twin:key";

    /// <summary>Present on device-key principals.</summary>
    public const string Device = "twin:device";

    /// <summary>The wall a display key may show.</summary>
    public const string Wall = "twin:wall";

    /// <summary>Present on sessions that must change a one-time password before anything else.</summary>
    public const string MustChangePassword = "twin:must-change-password";
}

public static class TwinPrincipal
{
    /// <summary>Who this is in the audit trail (<c>anonymous</c> when nobody signed in).</summary>
    public static string ActorId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(TwinClaims.Actor) ?? "anonymous";
    }

    /// <summary>A person signed in with a role (not a key).</summary>
    public static bool IsPerson(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true && TwinRoles.All.Any(user.IsInRole);
    }

    /// <summary>The wall of a display-key principal, or null for anyone else.</summary>
    public static string? DisplayWall(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(TwinClaims.Wall);
    }

    /// <summary>
    /// Whether this principal may show wall <paramref name="wallId"/>: any person who may read, or
    /// the display key of that wall (and of no other).
    /// </summary>
    public static bool MayShowWall(this ClaimsPrincipal user, string wallId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsPerson() || string.Equals(user.DisplayWall(), wallId, StringComparison.Ordinal);
    }
}
