using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Twin.Contracts.Security;
using Twin.Web.Api;

namespace Twin.Web.Security;

/// <summary>
/// <c>/api/auth</c>: sign in and out, the current session (with the anti-forgery token), the
/// password change, and a wall screen's sign-in with its display key.
/// </summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var auth = api.MapGroup("/auth").WithTags("auth");

        auth.MapPost("/login", SignIn)
            .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(SecurityServiceExtensions.SignInLimit)
            .Accepts<SignInRequest>("application/json")
            .WithSummary("Sign in with a user name and password (the twin's own accounts): sets the session cookie");

        auth.MapPost("/display", SignInDisplay)
            .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(SecurityServiceExtensions.SignInLimit)
            .Accepts<DisplaySignInRequest>("application/json")
            .WithSummary("A wall screen signs in with its display key: the session shows that wall and nothing else");

        auth.MapPost("/logout", async (HttpContext context) =>
            {
                await context.SignOutAsync(SecurityServiceExtensions.CookieScheme);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(TwinPolicies.Person)
            .WithSummary("End the session");

        auth.MapGet("/session", Session)
            .AllowAnonymous()
            .WithSummary("Who is signed in (or not), their roles, and the anti-forgery token for writes");

        auth.MapPost("/password", ChangePassword)
            .RequireAuthorization(TwinPolicies.Person)
            .Accepts<ChangePasswordRequest>("application/json")
            .WithSummary("Change one's own password (required after a one-time password)");

        auth.MapGet("/oidc/login", (string? returnUrl, IOptions<SecurityOptions> options) => options.Value.Oidc.Enabled
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
                : Problems.NotFound("oidc"))
            .AllowAnonymous()
            .WithSummary("Sign in at the organisation's OpenID Connect provider (when configured)");
        return api;
    }

    private static async Task<IResult> SignIn(JsonElement body, HttpContext context, AccountService accounts, IOptions<SecurityOptions> options)
    {
        if (options.Value.Oidc.Enabled)
        {
            return Problems.Invalid("userName", "this twin signs in through the organisation's provider: GET /api/auth/oidc/login");
        }

        if (!RequestBody.TryBind<SignInRequest>(body, out var request, out var problem))
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            return Problems.Invalid("userName", "the user name is missing");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            return Problems.Invalid("password", "the password is missing");
        }

        var (outcome, account) = await accounts.SignInAsync(request.UserName, request.Password);
        if (outcome != SignInOutcome.Succeeded)
        {
            return TypedResults.Problem(
                title: "Sign-in failed",
                detail: $"wrong user name or password, or the account is locked ({options.Value.MaxFailedSignIns} failures lock it for {options.Value.LockoutMinutes} minutes)",
                statusCode: StatusCodes.Status401Unauthorized,
                extensions: new Dictionary<string, object?> { ["field"] = "password" });
        }

        var principal = TwinPrincipals.Person(account!, SecurityServiceExtensions.CookieScheme);
        await context.SignInAsync(SecurityServiceExtensions.CookieScheme, principal);
        context.User = principal;
        return TypedResults.Ok(SessionOf(context, principal));
    }

    private static async Task<IResult> SignInDisplay(JsonElement body, HttpContext context, ApiKeyService keys)
    {
        if (!RequestBody.TryBind<DisplaySignInRequest>(body, out var request, out var problem))
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(request.Key))
        {
            return Problems.Invalid("key", "the display key is missing");
        }

        var record = await keys.ValidateAsync(request.Key);
        if (record is not { Kind: ApiKeyKind.Display, WallId: not null })
        {
            return TypedResults.Problem(title: "Sign-in failed", detail: "unknown or revoked display key", statusCode: StatusCodes.Status401Unauthorized,
                extensions: new Dictionary<string, object?> { ["field"] = "key" });
        }

        var principal = TwinPrincipals.Key(record, SecurityServiceExtensions.CookieScheme);
        await context.SignInAsync(SecurityServiceExtensions.CookieScheme, principal, new AuthenticationProperties { IsPersistent = true });
        context.User = principal;
        return TypedResults.Ok(SessionOf(context, principal));
    }

    private static Ok<SessionView> Session(HttpContext context) => TypedResults.Ok(SessionOf(context, context.User));

    private static async Task<IResult> ChangePassword(JsonElement body, HttpContext context, AccountService accounts)
    {
        if (!RequestBody.TryBind<ChangePasswordRequest>(body, out var request, out var problem))
        {
            return problem;
        }

        var name = context.User.Identity?.Name;
        if (name is null || await accounts.FindAsync(name) is not { } account)
        {
            return TypedResults.Problem(title: "Not a twin account", detail: "this session's account is kept by the organisation's provider",
                statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["field"] = "currentPassword" });
        }

        if (string.IsNullOrEmpty(request.CurrentPassword) || !AccountService.VerifyPassword(account, request.CurrentPassword))
        {
            return Problems.Invalid("currentPassword", "the current password is wrong");
        }

        if (request.NewPassword is not { Length: >= AccountService.MinPasswordLength } newPassword)
        {
            return Problems.Invalid("newPassword", $"at least {AccountService.MinPasswordLength} characters");
        }

        if (newPassword == request.CurrentPassword)
        {
            return Problems.Invalid("newPassword", "choose a password different from the current one");
        }

        await accounts.ChangeAsync(name, newPassword);
        var principal = TwinPrincipals.Person((await accounts.FindAsync(name))!, SecurityServiceExtensions.CookieScheme);
        await context.SignInAsync(SecurityServiceExtensions.CookieScheme, principal);
        context.User = principal;
        return TypedResults.Ok(SessionOf(context, principal));
    }

    /// <summary>The session as the client sees it; the anti-forgery token is bound to this principal.</summary>
    private static SessionView SessionOf(HttpContext context, ClaimsPrincipal user)
    {
        var antiforgery = context.RequestServices.GetService(typeof(IAntiforgery)) as IAntiforgery;
        var token = antiforgery?.GetAndStoreTokens(context).RequestToken;
        var oidc = context.Settings().Oidc.Enabled;
        if (user.Identity?.IsAuthenticated != true)
        {
            return new SessionView(false, null, null, [], null, false, token, oidc);
        }

        return new SessionView(
            true,
            user.Identity.Name,
            user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity.Name,
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            user.DisplayWall(),
            user.HasClaim(c => c.Type == TwinClaims.MustChangePassword),
            token,
            oidc);
    }

    private static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}

public sealed record SignInRequest(string? UserName, string? Password);

public sealed record DisplaySignInRequest(string? Key);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record SessionView(
    bool Authenticated,
    string? Name,
    string? DisplayName,
    IReadOnlyList<string> Roles,
    string? Wall,
    bool MustChangePassword,
    string? AntiforgeryToken,
    bool Oidc);
