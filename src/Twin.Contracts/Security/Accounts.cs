namespace Twin.Contracts.Security;

/// <summary>A person's account in the twin's own user store (used when no OpenID Connect provider is configured).</summary>
/// <param name="PasswordHash">ASP.NET Core's password hasher output; the grain never sees a password.</param>
/// <param name="MustChangePassword">Set for one-time passwords (the first admin, a reset): the session may only change it.</param>
[GenerateSerializer, Immutable]
[Alias("twin.user-account")]
public sealed record UserAccount(
    [property: Id(0)] string Name,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] IReadOnlyList<string> Roles,
    [property: Id(3)] string PasswordHash,
    [property: Id(4)] bool MustChangePassword,
    [property: Id(5)] int FailedSignIns,
    [property: Id(6)] DateTimeOffset? LockedUntil,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] bool Disabled = false);

public enum ApiKeyKind
{
    /// <summary>A sensor or feed: may only send readings to the twins it is bound to.</summary>
    Device,

    /// <summary>A wall screen: may show one wall and nothing else.</summary>
    Display,
}

/// <summary>
/// An API key as stored: never the secret, only its SHA-256 (the secret is 256 random bits, so a
/// fast hash is enough). A key is <c>{prefix}_{id}_{secret}</c>; the id finds the record.
/// </summary>
/// <param name="Bindings">Device keys: twin ids, zone ids (every member of the zone) or <c>*</c> (every twin).</param>
/// <param name="WallId">Display keys: the wall they show.</param>
[GenerateSerializer, Immutable]
[Alias("twin.api-key")]
public sealed record ApiKeyRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] ApiKeyKind Kind,
    [property: Id(2)] string Name,
    [property: Id(3)] string SecretHash,
    [property: Id(4)] IReadOnlyList<string> Bindings,
    [property: Id(5)] string? WallId,
    [property: Id(6)] string CreatedBy,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset? RevokedAt = null)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>One user account, keyed by its lower-case name.</summary>
[Alias("twin.user")]
public interface IUserGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    Task<UserAccount?> GetAccount();

    /// <summary>Creates the account; false if it exists already (nothing changes).</summary>
    Task<bool> Create(UserAccount account);

    /// <summary>Replaces the roles and display name; false if there is no such account.</summary>
    Task<bool> Update(string displayName, IReadOnlyList<string> roles, bool disabled);

    /// <summary>Sets a new password hash and clears the lockout; false if there is no such account.</summary>
    Task<bool> SetPassword(string passwordHash, bool mustChange);

    /// <summary>Counts a failed sign-in; locks the account for <paramref name="lockout"/> after <paramref name="maxFailures"/>.</summary>
    Task<UserAccount?> RecordFailure(int maxFailures, TimeSpan lockout);

    /// <summary>Clears the failure count after a good sign-in.</summary>
    Task RecordSuccess();

    Task<bool> Delete();
}

/// <summary>One API key, keyed by its id.</summary>
[Alias("twin.api-key-grain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    Task<ApiKeyRecord?> GetKey();

    Task<bool> Create(ApiKeyRecord record);

    /// <summary>Revokes the key from now on; false if there is no such key.</summary>
    Task<bool> Revoke();
}

/// <summary>The lists of user names and key ids (one grain, <see cref="Key"/>), for the admin pages and the first start.</summary>
[Alias("twin.security-directory")]
public interface ISecurityDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "directory";

    [AlwaysInterleave]
    Task<IReadOnlyList<string>> Users();

    [AlwaysInterleave]
    Task<IReadOnlyList<string>> Keys();

    Task AddUser(string name);

    Task RemoveUser(string name);

    Task AddKey(string id);
}
