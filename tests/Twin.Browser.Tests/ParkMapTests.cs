namespace Twin.Browser.Tests;

/// <summary>Loading the park map: what it asks for, what it draws.</summary>
[Collection(TwinAppCollection.Name)]
public sealed class ParkMapTests(TwinApp app)
{
    [Fact]
    public async Task EveryRequestThePageMakesGoesTo127001()
    {
        await using var map = await app.OpenAsync();
        await map.WaitReadyAsync();
        await map.WaitLiveAsync();
        // Open a panel too: its relations and chart load code and data on demand.
        await map.Page.EvaluateAsync("() => { location.hash = '#/?sel=plant:chengbei'; }");
        await Assertions.Expect(map.Page.Locator("#details-chart canvas")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        Assert.Empty(map.OffMachineRequests);
        Assert.Contains(map.Requests, url => url.Contains("/api/features", StringComparison.Ordinal));
        Assert.Contains(map.Requests, url => url.Contains("/hubs/twin", StringComparison.Ordinal));
        Assert.All(map.Requests.Select(url => new Uri(url)).Where(uri => uri.Scheme is not ("data" or "blob")), uri =>
        {
            Assert.Equal("127.0.0.1", uri.Host);
            Assert.Equal(app.BaseAddress.Port, uri.Port);
        });
    }

    [Fact]
    public async Task TheParkRendersEveryTwinTheApiServes()
    {
        var expected = (await app.FeaturesAsync())
            .GroupBy(f => Twins.Prop(f!, "kind"))
            .ToDictionary(g => g.Key, g => g.Count());

        await using var map = await app.OpenAsync();
        await map.WaitReadyAsync();

        Assert.Equal(expected.OrderBy(kv => kv.Key), (await map.FeatureCountsAsync()).OrderBy(kv => kv.Key));
        Assert.Equal(8, expected["zone"]);
        Assert.Empty(map.Errors); // no script error, no style error from MapLibre
    }

    [Fact]
    public async Task ZoneNamesRenderInChineseWithNoGlyphServer()
    {
        await using var map = await app.OpenAsync();
        await map.WaitReadyAsync();

        var labels = await map.RenderedLabelsAsync();
        Assert.Contains("城北经开区", labels);
        Assert.DoesNotContain(map.Requests, url => url.Contains(".pbf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScreenshotsOfTheParkAreSaved()
    {
        await using var overview = await app.OpenAsync();
        await overview.WaitReadyAsync();
        await overview.WaitLiveAsync();
        var park = await overview.ScreenshotAsync("park-overview");

        await using var building = await app.OpenAsync("#/?sel=building:yaodu-innov-pharma-p3-07&c=115.45364,27.89228,16.6,-25,55");
        await building.WaitReadyAsync();
        await Assertions.Expect(building.PanelTitle).ToHaveTextAsync("3期7号厂房");
        var panel = await building.ScreenshotAsync("building-panel");

        await using var plant = await app.OpenAsync("#/?sel=plant:chengbei&lang=en&theme=light&color=occupancy");
        await plant.WaitReadyAsync();
        await Assertions.Expect(plant.Page.Locator("#details-chart canvas")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await plant.Page.WaitForTimeoutAsync(1500); // the fly-to
        var english = await plant.ScreenshotAsync("plant-english-light");

        foreach (var path in new[] { park, panel, english })
        {
            Assert.True(new FileInfo(path).Length > 20_000, $"{path} looks empty");
        }
    }
}
