namespace Twin.Browser.Tests;

/// <summary>A kiosk shows a wall with the wall's display key, never a person's password, and nothing else.</summary>
[Collection(TwinAppCollection.Name)]
public sealed class DisplayKeyTests(TwinApp app)
{
    [Fact]
    public async Task AKioskWithTheDisplayKeyShowsItsWallAndCannotOpenAnotherWallOrTheMap()
    {
        var key = app.Credentials["keys"]!.AsArray().Single(k => k!["kind"]!.GetValue<string>() == "display")!["key"]!.GetValue<string>();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = WallScreens.FullHd, Locale = "zh-CN" });
        await using var kiosk = await MapPage.CreateAsync(context, app.BaseAddress);

        await kiosk.Page.GotoAsync(new Uri(app.BaseAddress, $"/wall?id=main#key={key}").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
        await kiosk.Page.WaitForFunctionAsync(
            "() => window.__wall !== undefined && window.__wall.ready && window.__wall.hub() === 'connected'",
            null,
            new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 100 });

        Assert.DoesNotContain("key=", kiosk.Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(kiosk.Requests, url => url.Contains(key, StringComparison.Ordinal));
        Assert.Equal(200, await kiosk.Page.EvaluateAsync<int>("async () => (await fetch('/api/walls/main')).status"));
        Assert.Equal(403, await kiosk.Page.EvaluateAsync<int>("async () => (await fetch('/api/walls/another-wall')).status"));
        Assert.Equal(403, await kiosk.Page.EvaluateAsync<int>("async () => (await fetch('/api/admin/users')).status"));

        await kiosk.Page.GotoAsync(new Uri(app.BaseAddress, "/").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await kiosk.Page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });
    }
}
