using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Twin.LoadTool;

/// <summary>The twins that take readings (operating plants and stations other than displays), from <c>GET /api/features</c>.</summary>
internal sealed record LoadTarget(string Id, string Kind, string Zone);

internal static class LoadTargets
{
    public static async Task<IReadOnlyList<LoadTarget>> ReadAsync(HttpClient http)
    {
        var features = (await http.GetFromJsonAsync<JsonObject>("/api/features"))!["features"]!.AsArray().Select(f => f!.AsObject());
        return [.. features
            .Where(f => f["properties"]!["kind"]!.GetValue<string>() is "station" or "plant"
                && f["properties"]!["station"]?.GetValue<string>() != "EnvironmentDisplay"
                && (f["properties"]!["kind"]!.GetValue<string>() == "station" || f["properties"]!["status"]!.GetValue<string>() == "Operating"))
            .Select(f => new LoadTarget(f["id"]!.GetValue<string>(), f["properties"]!["kind"]!.GetValue<string>(), f["properties"]!["zoneId"]!.GetValue<string>()))];
    }

    /// <summary>Every twin's version as the server's catalog holds it now.</summary>
    public static async Task<Dictionary<string, long>> VersionsAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonObject>("/api/features"))!["features"]!.AsArray()
            .ToDictionary(f => f!["id"]!.GetValue<string>(), f => f!["properties"]!["version"]!.GetValue<long>(), StringComparer.Ordinal);
}
