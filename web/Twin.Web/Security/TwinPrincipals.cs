using System.Security.Claims;
using Twin.Contracts.Security;

namespace Twin.Web.Security;

/// <summary>Builds the principals of the twin's sign-ins: a person, a device key, a display key.</summary>
public static class TwinPrincipals
{
    public static ClaimsPrincipal Person(UserAccount account, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.Name),
            new(ClaimTypes.GivenName, account.DisplayName),
            new(TwinClaims.Actor, $"user:{account.Name}"),
            // A stable identifier: anti-forgery tokens bind to it (not to the whole claim set, which changes with the roles).
            new(ClaimTypes.NameIdentifier, $"user:{account.Name}"),
        };
        if (account.MustChangePassword)
        {
            // Until the one-time password is replaced, the session holds no role at all.
            claims.Add(new Claim(TwinClaims.MustChangePassword, "true"));
        }
        else
        {
            claims.AddRange(account.Roles.Where(TwinRoles.IsKnown).Select(r => new Claim(ClaimTypes.Role, r)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static ClaimsPrincipal Key(ApiKeyRecord key, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(key);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, key.Name),
            new(TwinClaims.Actor, $"key:{key.Id}"),
            new(ClaimTypes.NameIdentifier, $"key:{key.Id}"),
            new(TwinClaims.KeyId, key.Id),
        };
        if (key.Kind == ApiKeyKind.Device)
        {
            claims.Add(new Claim(TwinClaims.Device, "true"));
        }
        else if (key.WallId is { } wall)
        {
            claims.Add(new Claim(TwinClaims.Wall, wall));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
