using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Twin.Spatial.Serialization;

namespace Twin.Grains.Twins;

/// <summary>Which of a twin's properties a change touched, compared as their JSON.</summary>
internal static class StateDiff
{
    private static readonly HashSet<string> Bookkeeping = ["version", "updatedAt"];

    public static (ImmutableArray<string> Changed, bool GeometryChanged) Compare(TwinState? previous, TwinState next)
    {
        var after = ToObject(next);
        if (previous is null)
        {
            return ([.. after.Select(p => p.Key).Where(k => !Bookkeeping.Contains(k) && k != "geometry")], next.Geometry is not null);
        }

        var before = ToObject(previous);
        var changed = ImmutableArray.CreateBuilder<string>();
        foreach (var (name, value) in after)
        {
            if (!Bookkeeping.Contains(name) && name != "geometry" && !JsonNode.DeepEquals(value, before[name]))
            {
                changed.Add(name);
            }
        }

        var geometryChanged = !(previous.Geometry?.EqualsExact(next.Geometry) ?? next.Geometry is null);
        return (changed.ToImmutable(), geometryChanged);
    }

    private static JsonObject ToObject(TwinState state) =>
        JsonSerializer.SerializeToNode(state, state.GetType(), TwinJson.Options)!.AsObject();
}
