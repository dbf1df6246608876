namespace Twin.Browser.Tests;

/// <summary>Selecting twins on the map and in the URL.</summary>
[Collection(TwinAppCollection.Name)]
public sealed class SelectionTests(TwinApp app)
{
    private const string Building = "building:yaodu-innov-pharma-p3-07";

    [Fact]
    public async Task ClickingABuildingOpensTheSidePanelWithItsName()
    {
        var building = (await app.FeaturesAsync("building")).Single(f => Twins.Id(f!) == Building)!;
        await using var map = await app.OpenAsync(Twins.TopDownOn(building, 17.5));
        await map.WaitReadyAsync();

        await map.ClickTwinAsync(Building);

        await Assertions.Expect(map.PanelTitle).ToHaveTextAsync(Twins.Prop(building, "name"));
        Assert.Equal(Building, await map.SelectionAsync());
        // The address follows the state a moment later (url-sync debounces its writes).
        await map.Page.WaitForFunctionAsync("id => decodeURIComponent(location.hash).includes('sel=' + id)", Building);
        Assert.Equal(Building, (await map.HashAsync())["sel"]);
    }

    [Fact]
    public async Task TheUrlRoundTripsSelectionAndView()
    {
        const string Hash = "#/?sel=" + Building + "&c=115.45364,27.89228,16.5,-20,50&lang=en&color=occupancy";
        await using var first = await app.OpenAsync(Hash);
        await first.WaitReadyAsync();

        await Assertions.Expect(first.PanelTitle).ToHaveTextAsync("Phase 3 factory building No. 7");
        var view = await first.ViewAsync();
        Assert.Equal(115.45364, view.Lon, 5);
        Assert.Equal(27.89228, view.Lat, 5);
        Assert.Equal(16.5, view.Zoom, 2);
        Assert.Equal(-20, view.Bearing, 1);
        Assert.Equal(50, view.Pitch, 1);

        // The page writes its state back to the URL; that URL opens the same view.
        var hash = await first.HashAsync();
        Assert.Equal(Building, hash["sel"]);
        Assert.Equal("en", hash["lang"]);
        Assert.Equal("occupancy", hash["color"]);
        await using var second = await app.OpenAsync(new Uri(first.Page.Url).Fragment);
        await second.WaitReadyAsync();

        await Assertions.Expect(second.PanelTitle).ToHaveTextAsync("Phase 3 factory building No. 7");
        Assert.Equal(Building, await second.SelectionAsync());
        var again = await second.ViewAsync();
        Assert.Equal(view.Lon, again.Lon, 5);
        Assert.Equal(view.Lat, again.Lat, 5);
        Assert.Equal(view.Zoom, again.Zoom, 2);
        Assert.Equal(view.Bearing, again.Bearing, 1);
        Assert.Equal(view.Pitch, again.Pitch, 1);
        await Assertions.Expect(second.Page.Locator("[data-color=occupancy]")).ToHaveAttributeAsync("aria-checked", "true");
    }

    [Fact]
    public async Task ChangingTheHashSelectsAnotherTwin()
    {
        await using var map = await app.OpenAsync("#/?sel=" + Building);
        await map.WaitReadyAsync();
        await Assertions.Expect(map.PanelTitle).ToHaveTextAsync("3期7号厂房");

        await map.Page.EvaluateAsync("() => { location.hash = '#/?sel=plant:chengbei'; }");

        await Assertions.Expect(map.PanelTitle).ToHaveTextAsync("城北经开区污水处理厂");
    }
}
