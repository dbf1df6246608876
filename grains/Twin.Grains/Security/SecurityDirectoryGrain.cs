using Twin.Contracts.Security;

namespace Twin.Grains.Security;

/// <summary>The names of every account and the ids of every key (revoked keys stay listed, marked by their own grain).</summary>
public sealed class SecurityDirectoryGrain(
    [PersistentState("directory", TwinStorage.Twins)] IPersistentState<SecurityDirectory> state) : Grain, ISecurityDirectoryGrain
{
    public Task<IReadOnlyList<string>> Users() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Users.Order(StringComparer.Ordinal)]);

    public Task<IReadOnlyList<string>> Keys() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Keys.Order(StringComparer.Ordinal)]);

    public Task AddUser(string name) => Change(state.State.Users.Add(name));

    public Task RemoveUser(string name) => Change(state.State.Users.Remove(name));

    public Task AddKey(string id) => Change(state.State.Keys.Add(id));

    private Task Change(bool changed) => changed ? state.WriteStateAsync() : Task.CompletedTask;
}

[GenerateSerializer]
[Alias("twin.security-directory-state")]
public sealed class SecurityDirectory
{
    [Id(0)]
    public HashSet<string> Users { get; init; } = new(StringComparer.Ordinal);

    [Id(1)]
    public HashSet<string> Keys { get; init; } = new(StringComparer.Ordinal);
}
