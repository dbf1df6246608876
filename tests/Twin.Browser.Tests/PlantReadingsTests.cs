using System.Globalization;

namespace Twin.Browser.Tests;

/// <summary>
/// A plant's recent readings on the page: live change items carry only <c>latest</c>, so the page
/// appends each one to the <c>recent</c> it read with the twin.
/// </summary>
[Collection(TwinAppCollection.Name)]
public sealed class PlantReadingsTests(TwinApp app)
{
    [Fact]
    public async Task TheDetailsPanelChartsEachLiveReadingBesideTheOnesBeforeIt()
    {
        const string Plant = "plant:salt-chem";
        await using var map = await app.OpenAsync($"#/?sel={Plant}");
        await map.WaitReadyAsync();
        await map.WaitLiveAsync();
        await Assertions.Expect(map.PanelTitle).ToBeVisibleAsync();
        var first = DateTimeOffset.UtcNow.AddSeconds(-4);
        var second = first.AddSeconds(2);

        // One at a time: two items in one flush skip a version, and the page then re-reads the whole twin.
        await WaitForVersionAsync(map, Plant, await PostReadingAsync(Plant, first, cod: 21));
        await WaitForVersionAsync(map, Plant, await PostReadingAsync(Plant, second, cod: 22));

        var shown = (await map.Page.EvaluateAsync<string[]>("() => window.__twin.detailsReadings()")).Select(ParseTime).ToList();
        Assert.Equal([first.ToUnixTimeMilliseconds(), second.ToUnixTimeMilliseconds()], shown.TakeLast(2));
        await Assertions.Expect(map.Page.Locator("#details-chart canvas")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task AnEffluentAlarmStaysOnTheWallWhenACompliantReadingFollowsIt()
    {
        var wallId = WallScreens.NewWallId();
        await using var wall = await app.OpenWallAsync(wallId);
        var plant = Twins.Id((await app.FeaturesAsync("plant")).Last(p => Twins.Prop(p!, "status") == "Operating")!);
        var over = DateTimeOffset.UtcNow.AddSeconds(-4);
        await PostReadingAsync(plant, over, cod: 81.5);
        var key = $"{plant}@{over.ToUnixTimeMilliseconds()}";
        await wall.Page.WaitForFunctionAsync($"() => window.__wall.alarms().includes('{key}')", null, new() { Timeout = 10_000 });

        var version = await PostReadingAsync(plant, over.AddSeconds(2), cod: 12);
        await wall.Page.WaitForFunctionAsync("([id, v]) => (window.__wall.twinVersion(id) ?? 0) >= v", new object[] { plant, version }, new() { Timeout = 10_000 });

        Assert.Contains(key, await wall.Page.EvaluateAsync<string[]>("() => window.__wall.alarms()"));
    }

    private async Task<long> PostReadingAsync(string plant, DateTimeOffset at, double cod)
    {
        using var response = await app.Http.PostAsJsonAsync(new Uri($"/api/plants/{plant}/readings", UriKind.Relative),
            new { at, inflow = 3000, cod, ammonia = 1.0, totalPhosphorus = 0.2, ph = 7.0 });
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return body["properties"]!["version"]!.GetValue<long>();
    }

    private static async Task WaitForVersionAsync(MapPage map, string id, long version) =>
        await map.Page.WaitForFunctionAsync("([id, v]) => (window.__twin.version(id) ?? 0) >= v", new object[] { id, version }, new() { Timeout = 10_000 });

    private static long ParseTime(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
}
