using Microsoft.AspNetCore.Authorization;

namespace Twin.Web.Security;

/// <summary>
/// The authorization policies. Every HTTP endpoint and hub method names one of these (or allows
/// anonymous access explicitly): the role × endpoint test fails for an endpoint that does not.
/// </summary>
public static class TwinPolicies
{
    /// <summary>Read the park and follow the live feed: every person role, and wall display keys (a wall shows the park).</summary>
    public const string Read = "read";

    /// <summary>Read a twin's audit trail: people only (no key).</summary>
    public const string ReadAudit = "read-audit";

    /// <summary>Data-entry commands: operators.</summary>
    public const string Operate = "operate";

    /// <summary>Scenarios, the optimiser and commit: planners.</summary>
    public const string Plan = "plan";

    /// <summary>Drive a wall: presenters.</summary>
    public const string Present = "present";

    /// <summary>Users, roles and keys: admins.</summary>
    public const string Admin = "admin";

    /// <summary>Send readings through <c>POST /api/ingest</c>: device keys (each limited to the twins it is bound to).</summary>
    public const string Ingest = "ingest";

    /// <summary>Show a wall: a display key (its own wall only, checked by the endpoint) or any person who may read.</summary>
    public const string WallDisplay = "wall-display";

    /// <summary>Any signed-in person, whatever the role (their own session and password).</summary>
    public const string Person = "person";

    public static IReadOnlyList<string> All { get; } = [Read, ReadAudit, Operate, Plan, Present, Admin, Ingest, WallDisplay, Person];

    internal static void Add(AuthorizationOptions options)
    {
        // Reading and showing a wall admit the same callers; the wall endpoints then check the wall id.
        static bool PersonOrDisplay(AuthorizationHandlerContext c) => c.User.IsPerson() || c.User.DisplayWall() is not null;
        options.AddPolicy(Read, p => p.RequireAssertion(PersonOrDisplay));
        options.AddPolicy(ReadAudit, p => p.RequireAssertion(c => c.User.IsPerson()));
        options.AddPolicy(Operate, p => p.RequireRole(TwinRoles.Operator));
        options.AddPolicy(Plan, p => p.RequireRole(TwinRoles.Planner));
        options.AddPolicy(Present, p => p.RequireRole(TwinRoles.Presenter));
        options.AddPolicy(Admin, p => p.RequireRole(TwinRoles.Admin));
        options.AddPolicy(Ingest, p => p.RequireClaim(TwinClaims.Device));
        options.AddPolicy(WallDisplay, p => p.RequireAssertion(PersonOrDisplay));
        options.AddPolicy(Person, p => p.RequireAssertion(c => c.User.IsPerson() || c.User.HasClaim(x => x.Type == TwinClaims.MustChangePassword)));
    }
}
