using Twin.Contracts.Commands;
using Twin.Contracts.Stats;

namespace Twin.Contracts.Grains;

/// <summary>What every twin grain answers. The grain key is the twin id (<c>kind:slug</c>).</summary>
[Alias("twin.ITwinGrain")]
public interface ITwinGrain : IGrainWithStringKey
{
    /// <summary>The twin's state, or <c>null</c> when no such twin exists.</summary>
    [AlwaysInterleave]
    [Alias("GetState")]
    Task<TwinState?> GetState();

    /// <summary>What the twin adds to its zone's figures, or <c>null</c> when it does not exist.</summary>
    [AlwaysInterleave]
    [Alias("GetContribution")]
    Task<TwinStats?> GetContribution();

    /// <summary>
    /// Creates the twin from imported state, once: a twin that exists already is left as it is
    /// (so an import can be repeated). Its zone learns of it when the importer registers members.
    /// </summary>
    [Alias("Create")]
    Task<CommandResult> Create(TwinState state);
}
