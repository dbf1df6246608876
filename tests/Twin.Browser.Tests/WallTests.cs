using System.Globalization;

namespace Twin.Browser.Tests;

/// <summary>The command-centre wall and the presenter's remote, in Debian's chromium against the real twin.</summary>
[Collection(TwinAppCollection.Name)]
public sealed class WallTests(TwinApp app)
{
    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    [InlineData(7680, 2160)]
    public async Task TheWallFillsTheScreenWithNothingOverflowingAndItsFiguresEqualTheStatistics(int width, int height)
    {
        await using var wall = await app.OpenWallAsync(WallScreens.NewWallId(), new ViewportSize { Width = width, Height = height });
        await wall.Page.WaitForFunctionAsync("() => Object.values(window.__wall.kpis()).every(v => v !== null)", null, new() { Timeout = 30_000 });
        await Task.Delay(3000); // the counters roll, the tiles fit their figures, the charts draw

        var overflowing = await wall.OverflowingAsync();
        await wall.WallScreenshotAsync($"wall-{width}x{height}");

        Assert.True(overflowing.Length == 0, $"overflowing at {width}x{height}: {string.Join("; ", overflowing)}");
        var stats = (await app.Http.GetFromJsonAsync<JsonObject>(new Uri("/api/stats", UriKind.Relative)))!;
        var kpis = await wall.KpisAsync();
        Assert.Equal(N(stats["enterprises"]!["settled"]), kpis["settled"]);
        Assert.Equal(N(stats["enterprises"]!["inProduction"]), kpis["inProduction"]);
        Assert.Equal(N(stats["enterprises"]!["aboveDesignatedSize"]), kpis["aboveDesignatedSize"]);
        Assert.Equal(N(stats["figures"]!["revenue"]), kpis["revenue"]);
        Assert.Equal(N(stats["figures"]!["tax"]), kpis["tax"]);
        Assert.Equal(N(stats["figures"]!["exports"]), kpis["exports"]);
        Assert.Equal(stats["buildings"]!["completedFloorArea"]!.AsObject().Sum(a => N(a.Value)), kpis["completedFloorArea"]);
        Assert.Equal(N(stats["buildings"]!["total"]), kpis["buildings"]);
        Assert.Equal(N(stats["plants"]!["compliant"]), kpis["plantsCompliant"]);
        var shown = await wall.Page.Locator("[data-kpi=settled]").TextContentAsync();
        Assert.Equal(N(stats["enterprises"]!["settled"]).ToString("N0", CultureInfo.InvariantCulture), shown);
        Assert.Empty(wall.OffMachineRequests);
        Assert.Empty(wall.Errors);
    }

    [Fact]
    public async Task APresenterActionReachesTheWallWithinOneSecond()
    {
        var wallId = WallScreens.NewWallId();
        await using var wall = await app.OpenWallAsync(wallId);
        await using var remote = await app.OpenRemoteAsync(wallId);
        var zone = "zone:yaodu-tech-pharma";

        // Timed inside the browser (both pages share its clock): from the remote sending the
        // command to the wall applying it, without Playwright's own click and polling overhead.
        await remote.Page.Locator($"[data-zone='{zone}']").ClickAsync();
        await wall.WaitWallAsync($"s => s.focusZoneId === '{zone}'");
        var focusMs = await Latency(remote, wall);
        Assert.True(focusMs <= 1000, $"the wall showed the focus {focusMs:0} ms after the remote sent it");
        await wall.Page.WaitForFunctionAsync("() => document.getElementById('w-focus').textContent === '药都科技产业园医药区'", null, new() { Timeout = 5_000 });

        await remote.Page.Locator("[data-coloring=compliance]").ClickAsync();
        await wall.WaitWallAsync("s => s.coloring === 'compliance'");
        var coloringMs = await Latency(remote, wall);
        Assert.True(coloringMs <= 1000, $"the colouring reached the wall {coloringMs:0} ms after the remote sent it");
        await Task.Delay(2500); // the camera's flight
        await wall.WallScreenshotAsync("wall-focus-compliance");
    }

    [Fact]
    public async Task TwoScreensOnOneWallAgreeAndAReloadComesBackToTheSameState()
    {
        var wallId = WallScreens.NewWallId();
        await using var first = await app.OpenWallAsync(wallId);
        await using var second = await app.OpenWallAsync(wallId);

        await Command(wallId, "layers", new { hidden = new[] { "labels", "network" } });
        await Command(wallId, "coloring", new { coloring = "Occupancy" });
        await Command(wallId, "tour", new { paused = true });
        var last = await Command(wallId, "focus", new { zoneId = "zone:circular" });
        var version = last["version"]!.GetValue<long>();

        foreach (var screen in new[] { first, second })
        {
            await screen.WaitWallAsync($"s => s.version === {version}");
        }

        Assert.Equal((await first.WallStateAsync()).GetRawText(), (await second.WallStateAsync()).GetRawText());
        await second.Page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
        await second.Page.WaitForFunctionAsync($"() => window.__wall && window.__wall.ready && window.__wall.applied === {version}", null, new() { Timeout = 60_000 });
        var reloaded = await second.WallStateAsync();
        Assert.Equal("zone:circular", reloaded.GetProperty("focusZoneId").GetString());
        Assert.Equal("occupancy", reloaded.GetProperty("coloring").GetString());
        Assert.True(reloaded.GetProperty("tourPaused").GetBoolean());
        Assert.Equal(["labels", "network"], reloaded.GetProperty("hiddenLayers").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("巡览已暂停", await second.Page.Locator("#w-mode").TextContentAsync());
    }

    [Fact]
    public async Task AnEffluentAlarmShowsOnTheWallUntilThePresenterAcknowledgesIt()
    {
        var wallId = WallScreens.NewWallId();
        await using var wall = await app.OpenWallAsync(wallId);
        await using var remote = await app.OpenRemoteAsync(wallId);
        var plant = (await app.FeaturesAsync("plant")).First(p => Twins.Prop(p!, "status") == "Operating")!;
        var at = DateTimeOffset.UtcNow.AddSeconds(-2);

        using var operatorClient = await app.SignedInClientAsync("operator");
        using var response = await operatorClient.PostAsJsonAsync(new Uri($"/api/plants/{Twins.Id(plant)}/readings", UriKind.Relative),
            new { at, inflow = 5000, cod = 72.5, ammonia = 1.2, totalPhosphorus = 0.2, ph = 7.1 });
        response.EnsureSuccessStatusCode();
        var key = $"{Twins.Id(plant)}@{at.ToUnixTimeMilliseconds()}";

        await wall.Page.WaitForFunctionAsync($"() => window.__wall.alarms().includes('{key}') && !document.getElementById('w-alarm').hidden", null, new() { Timeout = 10_000 });
        var banner = await wall.Page.Locator("#w-alarm").TextContentAsync();
        Assert.Contains("COD 72.5 mg/L（限值 50）", banner, StringComparison.Ordinal);
        await wall.WallScreenshotAsync("wall-alarm");

        await remote.Page.Locator($"li[data-alarm='{key}'] [data-action=ack]").ClickAsync();

        await wall.Page.WaitForFunctionAsync($"() => !window.__wall.alarms().includes('{key}')", null, new() { Timeout = 5_000 });
        var acknowledged = (await wall.WallStateAsync()).GetProperty("acknowledged").EnumerateArray()
            .Select(a => (a.GetProperty("plantId").GetString(), DateTimeOffset.Parse(a.GetProperty("at").GetString()!, CultureInfo.InvariantCulture)));
        Assert.Contains((Twins.Id(plant), at), acknowledged);
        Assert.True(await wall.Page.Locator("#w-alarm").IsHiddenAsync() || await wall.Page.Locator("#w-alarm").GetAttributeAsync("data-alarm") != key);
    }

    [Fact]
    public async Task FollowMeMakesTheWallMirrorThePresentersCamera()
    {
        var wallId = WallScreens.NewWallId();
        await using var wall = await app.OpenWallAsync(wallId);
        await using var remote = await app.OpenRemoteAsync(wallId);

        await remote.Page.Locator("#p-follow").ClickAsync();
        await wall.WaitWallAsync("s => s.following");
        var box = (await remote.Page.Locator("#map").BoundingBoxAsync())!;
        await remote.Page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await remote.Page.Mouse.DownAsync();
        await remote.Page.Mouse.MoveAsync(box.X + (box.Width / 2) - 200, box.Y + (box.Height / 2) - 120, new() { Steps = 10 });
        await remote.Page.Mouse.UpAsync();
        await remote.Page.Mouse.WheelAsync(0, -400);
        await Task.Delay(800);

        var presenter = await remote.Page.EvaluateAsync<double[]>("() => { const v = window.__present.camera(); return [v.center[0], v.center[1], v.zoom]; }");
        await wall.Page.WaitForFunctionAsync(
            "([lon, lat, zoom]) => { const v = window.__wall.camera(); return Math.abs(v.center[0] - lon) < 1e-4 && Math.abs(v.center[1] - lat) < 1e-4 && Math.abs(v.zoom - zoom) < 0.01; }",
            presenter,
            new() { Timeout = 5_000, PollingInterval = 50 });

        await remote.Page.Locator("#p-follow").ClickAsync();
        await wall.WaitWallAsync("s => !s.following");
    }

    private static async Task<double> Latency(MapPage remote, MapPage wall) =>
        await wall.Page.EvaluateAsync<double>("() => window.__wall.appliedAt") - await remote.Page.EvaluateAsync<double>("() => window.__present.sentAt");

    private static double N(JsonNode? node) => node!.GetValue<double>();

    private async Task<JsonObject> Command(string wallId, string command, object body)
    {
        using var presenter = await app.SignedInClientAsync("presenter");
        using var response = await presenter.PostAsJsonAsync(new Uri($"/api/walls/{wallId}/{command}", UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
