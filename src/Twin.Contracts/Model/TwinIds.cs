using System.Diagnostics.CodeAnalysis;

namespace Twin.Contracts.Model;

/// <summary>
/// Twin ids are stable readable strings, <c>kind:slug</c>, e.g. <c>building:yaodu-innov-pharma-p3-07</c>;
/// the prefix names the kind and so the grain type.
/// </summary>
public static class TwinIds
{
    /// <summary>The management committee's park; there is one.</summary>
    public const string Park = "park:main";

    private static readonly Dictionary<string, TwinKind> Prefixes = Enum.GetValues<TwinKind>()
        .ToDictionary(k => PrefixOf(k), k => k, StringComparer.Ordinal);

    public static string PrefixOf(TwinKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The kind an id names, when it is well formed: a known prefix, a colon and a slug of [a-z0-9._-].</summary>
    public static bool TryGetKind([NotNullWhen(true)] string? id, out TwinKind kind)
    {
        kind = default;
        if (string.IsNullOrEmpty(id) || id.Length > 128)
        {
            return false;
        }

        var colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == id.Length - 1 || !Prefixes.TryGetValue(id[..colon], out kind))
        {
            return false;
        }

        foreach (var c in id.AsSpan(colon + 1))
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsKind([NotNullWhen(true)] string? id, TwinKind kind) => TryGetKind(id, out var k) && k == kind;
}
