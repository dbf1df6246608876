using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Twin.LoadTool;

/// <summary>
/// How the load tool gets in: the demo credentials file a silo started with <c>--demo</c> writes
/// (<c>Twin:Demo:CredentialsFile</c>): a viewer's session for reads and the hub, the device key for ingest.
/// </summary>
internal sealed record Credentials(string ViewerName, string ViewerPassword, string DeviceKey)
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static async Task<Credentials> ReadAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(path))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new FileNotFoundException($"no demo credentials at {path}: start the silo with Twin__Demo__Enabled=true and Twin__Demo__CredentialsFile={path}");
            }

            await Task.Delay(200);
        }

        var json = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        var viewer = json["users"]!.AsArray().First(u => u!["name"]!.GetValue<string>() == "demo-viewer")!;
        var device = json["keys"]!.AsArray().First(k => k!["kind"]!.GetValue<string>() == "device")!;
        return new Credentials(viewer["name"]!.GetValue<string>(), viewer["password"]!.GetValue<string>(), device["key"]!.GetValue<string>());
    }

    /// <summary>Signs <paramref name="http"/> (whose handler keeps <paramref name="cookies"/>) in as the viewer; answers the Cookie header value.</summary>
    public async Task<string> SignInAsync(HttpClient http, CookieContainer cookies)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName = ViewerName, password = ViewerPassword });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sign-in as {ViewerName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        _ = await response.Content.ReadFromJsonAsync<JsonElement>();
        return cookies.GetCookieHeader(http.BaseAddress!);
    }
}
