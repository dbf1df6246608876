using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Twin.Web.Security;

/// <summary>Authenticates a request carrying <c>X-Api-Key</c>: a device key or a display key, asked of its grain each time.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "api-key";

    /// <summary>HttpContext item holding the <see cref="Twin.Contracts.Security.ApiKeyRecord"/> of the request.</summary>
    public const string RecordItem = "twin.api-key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyService.HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var record = await keys.ValidateAsync(values.ToString());
        if (record is null)
        {
            return AuthenticateResult.Fail("unknown or revoked key");
        }

        Context.Items[RecordItem] = record;
        return AuthenticateResult.Success(new AuthenticationTicket(TwinPrincipals.Key(record, SchemeName), SchemeName));
    }
}
