using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Twin.Contracts.Security;

namespace Twin.Web.Security;

public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown user, wrong password, disabled or locked account: the caller is never told which.</summary>
    Failed,
}

/// <summary>The twin's own user store: accounts in grains, passwords hashed with ASP.NET Core's password hasher.</summary>
public sealed class AccountService(IGrainFactory grains, IOptions<SecurityOptions> options, TimeProvider time)
{
    public const int MinPasswordLength = 10;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public static string NormalizeName(string name) => name.Trim().ToLowerInvariant();

    public static bool IsValidName(string? name) =>
        name is { Length: >= 2 and <= 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public Task<UserAccount?> FindAsync(string name) => User(name).GetAccount();

    public async Task<(SignInOutcome Outcome, UserAccount? Account)> SignInAsync(string name, string password)
    {
        if (!IsValidName(name))
        {
            // Still hash once, so a bad name takes as long as a bad password.
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            return (SignInOutcome.Failed, null);
        }

        var user = User(name);
        var account = await user.GetAccount();
        if (account is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            return (SignInOutcome.Failed, null);
        }

        if (account.Disabled || account.LockedUntil is { } until && until > time.GetUtcNow())
        {
            return (SignInOutcome.Failed, null);
        }

        if (Hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            await user.RecordFailure(options.Value.MaxFailedSignIns, TimeSpan.FromMinutes(options.Value.LockoutMinutes));
            return (SignInOutcome.Failed, null);
        }

        await user.RecordSuccess();
        return (SignInOutcome.Succeeded, account);
    }

    /// <summary>Creates an account with a one-time password (returned, shown once) unless <paramref name="password"/> is given.</summary>
    public async Task<string?> CreateAsync(string name, string displayName, IReadOnlyList<string> roles, string? password = null)
    {
        var oneTime = password ?? NewPassword();
        var account = new UserAccount(
            NormalizeName(name), displayName, [.. roles], Hasher.HashPassword(null!, oneTime),
            MustChangePassword: password is null, FailedSignIns: 0, LockedUntil: null, CreatedAt: time.GetUtcNow());
        return await User(name).Create(account) ? oneTime : null;
    }

    /// <summary>Gives the account a new one-time password (returned), or null if there is no such account.</summary>
    public async Task<string?> ResetAsync(string name, string? password = null)
    {
        var oneTime = password ?? NewPassword();
        return await User(name).SetPassword(Hasher.HashPassword(null!, oneTime), mustChange: password is null) ? oneTime : null;
    }

    public async Task<bool> ChangeAsync(string name, string newPassword) =>
        await User(name).SetPassword(Hasher.HashPassword(null!, newPassword), mustChange: false);

    public static bool VerifyPassword(UserAccount account, string password)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>A random password of 16 letters and digits (about 95 bits), easy to type from a console.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }

    private IUserGrain User(string name) => grains.GetGrain<IUserGrain>(NormalizeName(name));

    private static readonly string DummyHash = Hasher.HashPassword(null!, NewPassword());
}
