namespace Twin.Browser.Tests;

/// <summary>Chinese by default, English on request.</summary>
[Collection(TwinAppCollection.Name)]
public sealed class LanguageTests(TwinApp app)
{
    [Fact]
    public async Task TheEnglishToggleSwitchesTheMapLabelsAndThePanels()
    {
        await using var map = await app.OpenAsync();
        await map.WaitReadyAsync();
        Assert.Equal("zh-CN", await map.Page.GetAttributeAsync("html", "lang"));
        Assert.Contains("城北经开区", await map.RenderedLabelsAsync());

        await map.LanguageButton.ClickAsync();

        await map.Page.WaitForFunctionAsync("() => window.__twin.renderedLabels().includes('Chengbei Economic Development Zone')", null, new() { Timeout = 30_000 });
        Assert.DoesNotContain("城北经开区", await map.RenderedLabelsAsync());
        Assert.Equal("en", await map.Page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(map.StatsTitle).ToHaveTextAsync("Park Twin sample industrial park (invented)");
        // The address follows the state once the change has been handled (a timer, not the same turn).
        await map.Page.WaitForFunctionAsync("() => decodeURIComponent(location.hash).includes('lang=en')", null, new() { Timeout = 10_000 });
        Assert.Equal("en", (await map.HashAsync())["lang"]);
    }
}
