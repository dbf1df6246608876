using System.Security.Cryptography;
using System.Text;
using Twin.Contracts.Security;

namespace Twin.Web.Security;

/// <summary>
/// Device and display keys: <c>tk_{id}_{secret}</c>, the secret 32 random bytes (base64url). Only
/// the secret's SHA-256 is stored; every use asks the key's grain, so a revocation holds at once.
/// </summary>
public sealed class ApiKeyService(IGrainFactory grains, TimeProvider time)
{
    public const string HeaderName = "X-Api-Key";
    private const string Prefix = "tk";

    public async Task<(ApiKeyRecord Record, string Key)> CreateAsync(
        ApiKeyKind kind, string name, IReadOnlyList<string> bindings, string? wallId, string createdBy)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new ApiKeyRecord(id, kind, name, Hash(secret), [.. bindings], wallId, createdBy, time.GetUtcNow());
        if (!await grains.GetGrain<IApiKeyGrain>(id).Create(record))
        {
            throw new InvalidOperationException($"key id {id} exists already");
        }

        return (record, $"{Prefix}_{id}_{secret}");
    }

    /// <summary>The key's record if the key is well formed, known, not revoked and its secret matches; else null.</summary>
    public async Task<ApiKeyRecord?> ValidateAsync(string? key)
    {
        var parts = key?.Split('_', 3);
        if (parts is not [Prefix, { Length: 16 } id, { Length: > 0 } secret] || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var record = await grains.GetGrain<IApiKeyGrain>(id).GetKey();
        if (record is null || record.IsRevoked)
        {
            return null;
        }

        var expected = Convert.FromHexString(record.SecretHash);
        return CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(secret))) ? record : null;
    }

    public Task<ApiKeyRecord?> FindAsync(string id) => grains.GetGrain<IApiKeyGrain>(id).GetKey();

    public Task<bool> RevokeAsync(string id) => grains.GetGrain<IApiKeyGrain>(id).Revoke();

    /// <summary>Whether a device key bound to <paramref name="bindings"/> may send readings to the twin in <paramref name="zoneId"/>.</summary>
    public static bool Covers(IReadOnlyList<string> bindings, string twinId, string? zoneId)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        return bindings.Any(b => b == "*" || string.Equals(b, twinId, StringComparison.Ordinal) || zoneId is not null && string.Equals(b, zoneId, StringComparison.Ordinal));
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '.');
}
