using Twin.Contracts.Security;

namespace Twin.Grains.Security;

/// <summary>
/// One API key. There is one activation of it in the cluster, and every request with the key asks
/// it, so a revocation holds on every silo from the moment it is acknowledged.
/// </summary>
public sealed class ApiKeyGrain(
    [PersistentState("key", TwinStorage.Twins)] IPersistentState<ApiKeyRecord> state,
    TimeProvider time) : Grain, IApiKeyGrain
{
    private ApiKeyRecord? Current => state.RecordExists ? state.State : null;

    public Task<ApiKeyRecord?> GetKey() => Task.FromResult(Current);

    public async Task<bool> Create(ApiKeyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Current is not null)
        {
            return false;
        }

        state.State = record with { Id = this.GetPrimaryKeyString() };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISecurityDirectoryGrain>(ISecurityDirectoryGrain.Key).AddKey(record.Id);
        return true;
    }

    public async Task<bool> Revoke()
    {
        if (Current is not { } record)
        {
            return false;
        }

        if (!record.IsRevoked)
        {
            state.State = record with { RevokedAt = time.GetUtcNow() };
            await state.WriteStateAsync();
        }

        return true;
    }
}
