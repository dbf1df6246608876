using Twin.Web.Security;

namespace Twin.Web.Tests.Infrastructure;

/// <summary>One kind of caller as the raw headers it sends: session cookies with the anti-forgery token, or an API key, or nothing.</summary>
public sealed record Caller(string Name, string? Cookie, string? AntiforgeryToken, string? ApiKey)
{
    public const string Anonymous = "anonymous";
    public const string Device = "device";
    public const string Display = "display";

    /// <summary>Every kind of caller: nobody, each person role, a device key, a wall's display key.</summary>
    public static IReadOnlyList<string> All { get; } = [Anonymous, .. TwinRoles.All, Device, Display];

    public HttpRequestMessage Apply(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", Cookie);
        }

        if (AntiforgeryToken is not null)
        {
            request.Headers.Add(SecurityServiceExtensions.AntiforgeryHeader, AntiforgeryToken);
        }

        if (ApiKey is not null)
        {
            request.Headers.Add(ApiKeyService.HeaderName, ApiKey);
        }

        return request;
    }
}
