using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twin.Contracts.Security;

namespace Twin.Web.Security;

/// <summary>Sign-in (cookie sessions, OpenID Connect by configuration, API keys), policies, rate limits and request limits.</summary>
public static class SecurityServiceExtensions
{
    /// <summary>The browser session cookie's scheme.</summary>
    public const string CookieScheme = "twin-session";

    /// <summary>The scheme every endpoint authenticates with: the API key if the request carries one, else the session cookie.</summary>
    public const string DefaultScheme = "twin";

    public const string SignInLimit = "sign-in";
    public const string IngestLimit = "ingest";
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";

    public static IServiceCollection AddTwinSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SecurityOptions.Section);
        var settings = section.Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(section);
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton<AccountService>();
        services.AddSingleton<ApiKeyService>();
        services.AddHostedService<AccountBootstrap>();

        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = DefaultScheme;
                o.DefaultChallengeScheme = DefaultScheme;
            })
            .AddPolicyScheme(DefaultScheme, "API key or session", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyService.HeaderName) ? ApiKeyAuthenticationHandler.SchemeName : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "twin.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(settings.SessionHours);
                o.SlidingExpiration = true;
                // An API answers 401/403; the client's pages send people to /login themselves.
                o.Events.OnRedirectToLogin = c => Deny(c.HttpContext, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Deny(c.HttpContext, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = RevalidateAsync;
            });

        if (settings.Oidc.Enabled)
        {
            auth.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.SignInScheme = CookieScheme;
                o.Authority = settings.Oidc.Authority;
                o.ClientId = settings.Oidc.ClientId;
                o.ClientSecret = settings.Oidc.ClientSecret;
                o.RequireHttpsMetadata = settings.Oidc.RequireHttpsMetadata;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SaveTokens = false;
                o.CallbackPath = "/api/auth/oidc/callback";
                o.Events.OnTokenValidated = c =>
                {
                    // The provider's role claim (configured) becomes the twin's roles; unknown roles are dropped.
                    var identity = (ClaimsIdentity)c.Principal!.Identity!;
                    var name = identity.FindFirst("preferred_username")?.Value ?? identity.FindFirst(ClaimTypes.Name)?.Value
                        ?? identity.FindFirst("sub")?.Value ?? "unknown";
                    var roles = identity.FindAll(settings.Oidc.RoleClaim).Select(r => r.Value).Where(TwinRoles.IsKnown).Distinct();
                    var claims = new List<Claim> { new(ClaimTypes.Name, name), new(TwinClaims.Actor, $"oidc:{name}"), new(ClaimTypes.NameIdentifier, $"oidc:{name}") };
                    claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
                    c.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, OpenIdConnectDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
                    return Task.CompletedTask;
                };
            });
        }

        services.AddAuthorization(TwinPolicies.Add);
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "twin.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, token) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = $"{Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds))}";
                await Results.Problem(
                        title: "Too many requests", detail: $"try again in {retry.TotalSeconds:0.#} s",
                        statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, settings.SignInPermitsPerMinute), Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(IngestLimit, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.FindFirstValue(TwinClaims.KeyId) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, settings.IngestPermitsPerSecond),
                    TokensPerPeriod = Math.Max(1, settings.IngestPermitsPerSecond),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    AutoReplenishment = true,
                }));
        });
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = Math.Max(settings.MaxIngestBytes, settings.MaxRequestBytes));
        return services;
    }

    /// <summary>
    /// Every request of a session asks the account (or the display key) again, so a disabled account,
    /// a changed role or a revoked key holds from the next request on.
    /// </summary>
    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal!;
        if (principal.Identity?.AuthenticationType == OpenIdConnectDefaults.AuthenticationScheme)
        {
            return;
        }

        ClaimsPrincipal? fresh = null;
        if (principal.FindFirstValue(TwinClaims.KeyId) is { } keyId)
        {
            var record = await context.HttpContext.RequestServices.GetRequiredService<ApiKeyService>().FindAsync(keyId);
            fresh = record is { IsRevoked: false } ? TwinPrincipals.Key(record, CookieScheme) : null;
        }
        else if (principal.Identity?.Name is { } name)
        {
            var account = await context.HttpContext.RequestServices.GetRequiredService<AccountService>().FindAsync(name);
            fresh = account is { Disabled: false } ? TwinPrincipals.Person(account, CookieScheme) : null;
        }

        if (fresh is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
        else
        {
            context.ReplacePrincipal(fresh);
        }
    }

    private static Task Deny(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    internal static SecurityOptions Settings(this HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
}
