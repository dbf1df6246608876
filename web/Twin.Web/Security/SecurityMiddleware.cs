using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Twin.Web.Security;

/// <summary>The security middleware of the pipeline, in order: headers, routing, size limits, sign-in, rate limits, policies, anti-forgery.</summary>
public static class SecurityMiddleware
{
    /// <summary>
    /// Only the twin's own origin: scripts, styles, fonts, map workers (blob:) and the hub
    /// (same-origin WebSocket). Inline style attributes are allowed because MapLibre and ECharts
    /// position their elements with them; inline scripts are not.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; child-src 'self' blob:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseTwinSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return next(context);
        });
        app.UseRouting();
        app.Use(LimitBody);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        // After the policies: whoever may not call an endpoint hears 401/403, not a token error.
        app.Use(CheckAntiforgery);
        return app;
    }

    /// <summary>
    /// A body larger than the endpoint allows (<see cref="SecurityOptions.MaxIngestBytes"/> with
    /// <see cref="LargeBodyMetadata"/>, its <see cref="IRequestSizeLimitMetadata"/>, else
    /// <see cref="SecurityOptions.MaxRequestBytes"/>) is refused with 413 before it is read.
    /// </summary>
    private static async Task LimitBody(HttpContext context, RequestDelegate next)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        var limit = metadata?.GetMetadata<LargeBodyMetadata>() is not null
            ? context.Settings().MaxIngestBytes
            : metadata?.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? context.Settings().MaxRequestBytes;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            await Results.Problem(
                    title: "Request too large", detail: $"at most {limit:N0} bytes", statusCode: StatusCodes.Status413PayloadTooLarge,
                    extensions: new Dictionary<string, object?> { ["field"] = "body" })
                .ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }

    /// <summary>
    /// A write that rides on the session cookie must carry the anti-forgery token (header
    /// <c>X-XSRF-TOKEN</c>, from <c>GET /api/auth/session</c>); key-authenticated calls carry no cookie and need none.
    /// </summary>
    private static async Task CheckAntiforgery(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        var unsafeMethod = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
        if (unsafeMethod
            && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: not ApiKeyAuthenticationHandler.SchemeName }
            && context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: false })
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                await Results.Problem(
                        title: "Missing or invalid anti-forgery token",
                        detail: $"send the token from GET /api/auth/session in the {SecurityServiceExtensions.AntiforgeryHeader} header",
                        statusCode: StatusCodes.Status400BadRequest,
                        extensions: new Dictionary<string, object?> { ["field"] = SecurityServiceExtensions.AntiforgeryHeader })
                    .ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}

/// <summary>Marks an endpoint that takes batches: its body may be as large as <see cref="SecurityOptions.MaxIngestBytes"/>.</summary>
public sealed class LargeBodyMetadata;
