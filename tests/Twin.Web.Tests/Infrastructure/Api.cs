using System.Text;

namespace Twin.Web.Tests.Infrastructure;

/// <summary>Small helpers over the HTTP API, so tests read as what they check.</summary>
public static class Api
{
    public static async Task<JsonObject> GetJson(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<(HttpStatusCode Status, JsonObject Body)> Post(this HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject());
    }

    public static async Task<(HttpStatusCode Status, JsonObject Body)> Get(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject());
    }

    public static Task<JsonObject> Twin(this HttpClient client, string id) => client.GetJson($"/api/twins/{id}");

    public static async Task<List<JsonObject>> Features(this HttpClient client, string query = "")
    {
        var collection = await client.GetJson($"/api/features{query}");
        return [.. collection["features"]!.AsArray().Select(f => f!.AsObject())];
    }

    public static string Prop(this JsonObject feature, string name) => feature["properties"]![name]!.ToString();

    public static long Version(this JsonObject feature) => feature["properties"]!["version"]!.GetValue<long>();

    public static string Id(this JsonObject feature) => feature["id"]!.GetValue<string>();

    /// <summary>The field a ProblemDetails names: a validation error's key, or the <c>field</c> extension.</summary>
    public static string? ProblemField(this JsonObject problem) =>
        problem["errors"] is JsonObject errors ? errors.Select(e => e.Key).FirstOrDefault() : problem["field"]?.GetValue<string>();
}
