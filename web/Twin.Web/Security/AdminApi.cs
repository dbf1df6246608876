using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Twin.Contracts.Security;
using Twin.Web.Api;

namespace Twin.Web.Security;

/// <summary><c>/api/admin</c>: accounts, their roles and passwords, device and display keys. Admins only.</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var admin = api.MapGroup("/admin").WithTags("admin").RequireAuthorization(TwinPolicies.Admin);

        admin.MapGet("/users", ListUsers).WithSummary("Every account (never a password)");
        admin.MapPost("/users", CreateUser).Accepts<CreateUserRequest>("application/json")
            .WithSummary("Create an account; answers its one-time password, shown once");
        admin.MapPut("/users/{name}", UpdateUser).Accepts<UpdateUserRequest>("application/json")
            .WithSummary("Change an account's display name, roles, or disable it");
        admin.MapPost("/users/{name}/reset-password", ResetPassword)
            .WithSummary("Give an account a new one-time password (answered once); clears a lockout");
        admin.MapDelete("/users/{name}", DeleteUser).WithSummary("Delete an account");

        admin.MapGet("/keys", ListKeys).WithSummary("Every device and display key (never a secret)");
        admin.MapPost("/keys", CreateKey).Accepts<CreateKeyRequest>("application/json")
            .WithSummary("Create a device key (bound to twins, zones or *) or a display key (one wall); answers the key, shown once");
        admin.MapDelete("/keys/{id}", RevokeKey).WithSummary("Revoke a key: it stops working at once");
        return api;
    }

    private static async Task<IResult> ListUsers(IGrainFactory grains, AccountService accounts)
    {
        var names = await grains.GetGrain<ISecurityDirectoryGrain>(ISecurityDirectoryGrain.Key).Users();
        var users = await Task.WhenAll(names.Select(accounts.FindAsync));
        return TypedResults.Ok(users.OfType<UserAccount>().Select(UserView.Of));
    }

    private static async Task<IResult> CreateUser(JsonElement body, AccountService accounts)
    {
        if (!RequestBody.TryBind<CreateUserRequest>(body, out var request, out var problem))
        {
            return problem;
        }

        if (!AccountService.IsValidName(request.Name))
        {
            return Problems.Invalid("name", "2–64 letters, digits, '-', '_' or '.'");
        }

        if (CheckRoles(request.Roles) is { } bad)
        {
            return bad;
        }

        var password = await accounts.CreateAsync(request.Name!, request.DisplayName ?? request.Name!, request.Roles!);
        if (password is null)
        {
            return TypedResults.Problem(title: "Conflict on name", detail: $"an account '{request.Name}' exists already",
                statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["field"] = "name" });
        }

        var account = await accounts.FindAsync(request.Name!);
        return TypedResults.Created($"/api/admin/users/{account!.Name}", new { user = UserView.Of(account), oneTimePassword = password });
    }

    private static async Task<IResult> UpdateUser(string name, JsonElement body, AccountService accounts, IGrainFactory grains)
    {
        if (!RequestBody.TryBind<UpdateUserRequest>(body, out var request, out var problem))
        {
            return problem;
        }

        if (CheckRoles(request.Roles) is { } bad)
        {
            return bad;
        }

        if (await accounts.FindAsync(name) is not { } account)
        {
            return UnknownUser(name);
        }

        await grains.GetGrain<IUserGrain>(AccountService.NormalizeName(name))
            .Update(request.DisplayName ?? account.DisplayName, request.Roles!, request.Disabled ?? account.Disabled);
        return TypedResults.Ok(UserView.Of((await accounts.FindAsync(name))!));
    }

    private static async Task<IResult> ResetPassword(string name, AccountService accounts) =>
        await accounts.ResetAsync(name) is { } password
            ? TypedResults.Ok(new { name = AccountService.NormalizeName(name), oneTimePassword = password })
            : UnknownUser(name);

    private static async Task<IResult> DeleteUser(string name, HttpContext context, IGrainFactory grains)
    {
        if (string.Equals(AccountService.NormalizeName(name), context.User.Identity?.Name, StringComparison.Ordinal))
        {
            return TypedResults.Problem(title: "Conflict on name", detail: "an admin cannot delete their own account",
                statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["field"] = "name" });
        }

        return await grains.GetGrain<IUserGrain>(AccountService.NormalizeName(name)).Delete() ? TypedResults.NoContent() : UnknownUser(name);
    }

    private static async Task<IResult> ListKeys(IGrainFactory grains, ApiKeyService keys)
    {
        var ids = await grains.GetGrain<ISecurityDirectoryGrain>(ISecurityDirectoryGrain.Key).Keys();
        var records = await Task.WhenAll(ids.Select(keys.FindAsync));
        return TypedResults.Ok(records.OfType<ApiKeyRecord>().Select(KeyView.Of));
    }

    private static async Task<IResult> CreateKey(JsonElement body, HttpContext context, ApiKeyService keys)
    {
        if (!RequestBody.TryBind<CreateKeyRequest>(body, out var request, out var problem))
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            return Problems.Invalid("name", "a name of 1–100 characters says what the key is for");
        }

        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return Problems.Invalid("kind", "Device or Display");
        }

        var bindings = request.Bindings ?? [];
        if (kind == ApiKeyKind.Device)
        {
            if (bindings.Count == 0)
            {
                return Problems.Invalid("bindings", "a device key is bound to twin ids, zone ids or * (every twin)");
            }

            if (bindings.FirstOrDefault(b => b != "*" && !TwinIds.TryGetKind(b, out _)) is { } wrong)
            {
                return Problems.Invalid("bindings", $"'{wrong}' is not a twin id, a zone id or *");
            }
        }
        else if (string.IsNullOrWhiteSpace(request.WallId))
        {
            return Problems.Invalid("wallId", "a display key shows one wall: name it");
        }

        var (record, key) = await keys.CreateAsync(kind, request.Name, kind == ApiKeyKind.Device ? bindings : [],
            kind == ApiKeyKind.Display ? request.WallId : null, context.User.ActorId());
        return TypedResults.Created($"/api/admin/keys/{record.Id}", new { record = KeyView.Of(record), key });
    }

    private static async Task<IResult> RevokeKey(string id, ApiKeyService keys) =>
        await keys.RevokeAsync(id) ? TypedResults.NoContent() : Problems.NotFound(id);

    private static ValidationProblem? CheckRoles(IReadOnlyList<string>? roles)
    {
        if (roles is null)
        {
            return Problems.Invalid("roles", $"a list of roles: {string.Join(", ", TwinRoles.All)}");
        }

        return roles.FirstOrDefault(r => !TwinRoles.IsKnown(r)) is { } unknown
            ? Problems.Invalid("roles", $"unknown role '{unknown}': use {string.Join(", ", TwinRoles.All)}")
            : null;
    }

    private static ProblemHttpResult UnknownUser(string name) =>
        TypedResults.Problem(title: "Not found", detail: $"no account '{name}'", statusCode: StatusCodes.Status404NotFound,
            extensions: new Dictionary<string, object?> { ["field"] = "name" });
}

public sealed record CreateUserRequest(string? Name, string? DisplayName, IReadOnlyList<string>? Roles);

public sealed record UpdateUserRequest(string? DisplayName, IReadOnlyList<string>? Roles, bool? Disabled);

public sealed record CreateKeyRequest(string? Name, ApiKeyKind? Kind, IReadOnlyList<string>? Bindings, string? WallId);

public sealed record UserView(string Name, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, bool MustChangePassword, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt)
{
    public static UserView Of(UserAccount a) => new(a.Name, a.DisplayName, a.Roles, a.Disabled, a.MustChangePassword, a.LockedUntil, a.CreatedAt);
}

public sealed record KeyView(string Id, ApiKeyKind Kind, string Name, IReadOnlyList<string> Bindings, string? WallId, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static KeyView Of(ApiKeyRecord k) => new(k.Id, k.Kind, k.Name, k.Bindings, k.WallId, k.CreatedBy, k.CreatedAt, k.RevokedAt);
}
