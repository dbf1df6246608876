using Twin.Contracts.Security;

namespace Twin.Grains.Security;

/// <summary>One person's account. Lockout is counted here, so parallel wrong guesses on several silos count once each.</summary>
public sealed class UserGrain(
    [PersistentState("user", TwinStorage.Twins)] IPersistentState<UserAccount> state,
    TimeProvider time) : Grain, IUserGrain
{
    private UserAccount? Current => state.RecordExists ? state.State : null;

    public Task<UserAccount?> GetAccount() => Task.FromResult(Current);

    public async Task<bool> Create(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (Current is not null)
        {
            return false;
        }

        state.State = account with { Name = this.GetPrimaryKeyString() };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISecurityDirectoryGrain>(ISecurityDirectoryGrain.Key).AddUser(account.Name);
        return true;
    }

    public Task<bool> Update(string displayName, IReadOnlyList<string> roles, bool disabled) =>
        Change(a => a with { DisplayName = displayName, Roles = [.. roles], Disabled = disabled });

    public Task<bool> SetPassword(string passwordHash, bool mustChange) =>
        Change(a => a with { PasswordHash = passwordHash, MustChangePassword = mustChange, FailedSignIns = 0, LockedUntil = null });

    public async Task<UserAccount?> RecordFailure(int maxFailures, TimeSpan lockout)
    {
        if (Current is not { } account)
        {
            return null;
        }

        var failures = account.FailedSignIns + 1;
        var locked = failures >= maxFailures;
        state.State = account with
        {
            FailedSignIns = locked ? 0 : failures,
            LockedUntil = locked ? time.GetUtcNow() + lockout : account.LockedUntil,
        };
        await state.WriteStateAsync();
        return state.State;
    }

    public async Task RecordSuccess()
    {
        if (Current is { FailedSignIns: > 0 } account)
        {
            state.State = account with { FailedSignIns = 0 };
            await state.WriteStateAsync();
        }
    }

    public async Task<bool> Delete()
    {
        if (Current is null)
        {
            return false;
        }

        await state.ClearStateAsync();
        await GrainFactory.GetGrain<ISecurityDirectoryGrain>(ISecurityDirectoryGrain.Key).RemoveUser(this.GetPrimaryKeyString());
        return true;
    }

    private async Task<bool> Change(Func<UserAccount, UserAccount> change)
    {
        if (Current is not { } account)
        {
            return false;
        }

        state.State = change(account);
        await state.WriteStateAsync();
        return true;
    }
}
