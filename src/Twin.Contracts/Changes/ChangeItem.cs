using System.Collections.Immutable;

namespace Twin.Contracts.Changes;

/// <summary>
/// One committed change of one twin: the twin's version and whole new state, the server time of
/// the commit and the names of the properties that changed. <see cref="Origin"/> names the silo
/// that committed it once the item is on the change stream (see <see cref="ILocalChangeFeed"/>).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("twin.change-item")]
public sealed record ChangeItem(
    [property: Id(0)] string Id,
    [property: Id(1)] TwinKind Kind,
    [property: Id(2)] long Version,
    [property: Id(3)] long At,
    [property: Id(4)] ImmutableArray<string> Changed,
    [property: Id(5)] bool GeometryChanged,
    [property: Id(6)] TwinState State,
    [property: Id(7)] string? Origin = null);
