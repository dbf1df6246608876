using System.Text.Json;

namespace Twin.Browser.Tests.Infrastructure;

/// <summary>The wall (<c>/wall?id=</c>) and the presenter's remote (<c>/present?wall=</c>) through <see cref="MapPage"/>, read via <c>window.__wall</c>.</summary>
public static class WallScreens
{
    public static ViewportSize FullHd => new() { Width = 1920, Height = 1080 };

    public static string NewWallId() => $"b-{Guid.NewGuid():N}"[..14];

    public static async Task<MapPage> OpenWallAsync(this TwinApp app, string wallId, ViewportSize? viewport = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var wall = await OpenPageAsync(app, $"/wall?id={wallId}", viewport ?? FullHd, "viewer");
        await wall.Page.WaitForFunctionAsync(
            "() => window.__wall !== undefined && window.__wall.ready && window.__wall.applied >= 0 && window.__wall.hub() === 'connected'",
            null,
            new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 100 });
        return wall;
    }

    public static async Task<MapPage> OpenRemoteAsync(this TwinApp app, string wallId)
    {
        ArgumentNullException.ThrowIfNull(app);
        var remote = await OpenPageAsync(app, $"/present?wall={wallId}", new ViewportSize { Width = 1280, Height = 800 }, "presenter");
        await remote.Page.WaitForFunctionAsync(
            "() => window.__present !== undefined && window.__present.ready && window.__present.version() >= 0",
            null,
            new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 100 });
        return remote;
    }

    /// <summary>
    /// A page on its own context, not waiting for the load event: with a wall already drawing
    /// through SwiftShader on two cores, loading the next page's chunks can take longer than the
    /// default 30 s; readiness is the page's own hook.
    /// </summary>
    private static async Task<MapPage> OpenPageAsync(TwinApp app, string path, ViewportSize viewport, string role)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, Locale = "zh-CN" });
        var page = await MapPage.CreateAsync(context, app.BaseAddress);
        // A person's session first (the sign-in page), then the page itself.
        await page.SignInAsync($"demo-{role}", app.PasswordOf(role), "/");
        await page.Page.GotoAsync(new Uri(app.BaseAddress, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
        return page;
    }

    /// <summary>Waits until the wall screen has applied a state matching <paramref name="predicate"/> (JS over the state).</summary>
    public static Task WaitWallAsync(this MapPage wall, string predicate, float timeout = 10_000)
    {
        ArgumentNullException.ThrowIfNull(wall);
        return wall.Page.WaitForFunctionAsync(
            $"() => {{ const s = window.__wall.state(); return s !== null && window.__wall.applied === s.version && ({predicate})(s); }}",
            null,
            new PageWaitForFunctionOptions { Timeout = timeout, PollingInterval = 10 });
    }

    /// <summary>A screenshot into TestResults/screenshots; a 7680×2160 frame through SwiftShader takes its time.</summary>
    public static async Task<string> WallScreenshotAsync(this MapPage screen, string name)
    {
        ArgumentNullException.ThrowIfNull(screen);
        Directory.CreateDirectory(TwinApp.ScreenshotFolder);
        var path = Path.Combine(TwinApp.ScreenshotFolder, name + ".png");
        await screen.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Timeout = 180_000 });
        return path;
    }

    public static async Task<JsonElement> WallStateAsync(this MapPage wall)
    {
        ArgumentNullException.ThrowIfNull(wall);
        return await wall.Page.EvaluateAsync<JsonElement>("() => window.__wall.state()");
    }

    public static async Task<Dictionary<string, double?>> KpisAsync(this MapPage wall)
    {
        ArgumentNullException.ThrowIfNull(wall);
        return await wall.Page.EvaluateAsync<Dictionary<string, double?>>("() => window.__wall.kpis()");
    }

    /// <summary>Elements of the wall that spill out of the screen or out of their own box (text cut by overflow).</summary>
    public static async Task<string[]> OverflowingAsync(this MapPage wall)
    {
        ArgumentNullException.ThrowIfNull(wall);
        return await wall.Page.EvaluateAsync<string[]>("""
            () => {
              const bad = [];
              const w = window.innerWidth, h = window.innerHeight;
              const root = document.scrollingElement;
              if (root.scrollWidth > w || root.scrollHeight > h) bad.push(`page ${root.scrollWidth}x${root.scrollHeight}`);
              for (const el of document.querySelectorAll('#wall *')) {
                if (el.closest('#map') || el.closest('[hidden]') || el.closest('.w-chart') || el.closest('#w-ticker')) continue;
                const r = el.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');
                if (r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5) bad.push(`${name} outside the screen`);
                const style = getComputedStyle(el);
                const clips = style.overflow !== 'visible' || style.textOverflow === 'ellipsis';
                if (clips && el.id !== 'w-ticker' && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) bad.push(`${name} cut (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
              }
              return bad;
            }
            """);
    }
}
