namespace Twin.Contracts;

/// <summary>
/// Every twin's latest stored state, read from storage in a few paged queries instead of one
/// grain activation per twin: how the catalog and the zones' figures are loaded at start. A
/// snapshot may be a few seconds old; its readers keep the higher version of what they hold.
/// The silo provides it when its storage can be queried; without it, readers ask the grains.
/// </summary>
public interface ITwinSnapshot
{
    /// <summary>The stored twins by id (each twin's own row, or its newer write-behind copy).</summary>
    Task<IReadOnlyDictionary<string, TwinState>> ReadAsync(CancellationToken cancellationToken = default);
}
