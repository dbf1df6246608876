using System.Globalization;
using System.Text.Json;

namespace Twin.Browser.Tests.Infrastructure;

/// <summary>
/// The one driver of the map page for the tests: opens it with every request routed (anything not
/// on 127.0.0.1 is refused and recorded), waits for <c>window.__twin.ready</c>, and reads the page's
/// test hook. Tests speak in the page's terms (twins, labels, panel), not in selectors.
/// </summary>
public sealed class MapPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _base;
    private readonly List<string> _requests = [];
    private readonly List<string> _offMachine = [];
    private readonly List<string> _errors = [];

    private MapPage(IBrowserContext context, IPage page, Uri baseAddress)
    {
        _context = context;
        Page = page;
        _base = baseAddress;
    }

    public IPage Page { get; }

    /// <summary>Every URL the page asked for (HTTP and WebSocket).</summary>
    public IReadOnlyList<string> Requests => Snapshot(_requests);

    /// <summary>Requests to any host but 127.0.0.1: refused, and a failure for the tests.</summary>
    public IReadOnlyList<string> OffMachineRequests => Snapshot(_offMachine);

    /// <summary>Uncaught script errors and console errors (MapLibre reports style errors there).</summary>
    public IReadOnlyList<string> Errors => Snapshot(_errors);

    public static async Task<MapPage> CreateAsync(IBrowserContext context, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        var map = new MapPage(context, page, baseAddress);
        await context.RouteAsync("**/*", map.RouteAsync);
        page.WebSocket += (_, socket) => map.Record(socket.Url);
        page.PageError += (_, error) => map.AddError(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                map.AddError(message.Text);
            }
        };
        return map;
    }

    public async Task GotoAsync(string hash = "")
    {
        await Page.GotoAsync(new Uri(_base, "/" + hash).ToString());
    }

    /// <summary>Signs in on the sign-in page as a person does, and waits to be back at <paramref name="returnTo"/>.</summary>
    public async Task SignInAsync(string userName, string password, string returnTo = "/")
    {
        await Page.GotoAsync(new Uri(_base, "/login?return=" + Uri.EscapeDataString(returnTo)).ToString());
        await Page.Locator("#user-name").FillAsync(userName);
        await Page.Locator("#password").FillAsync(password);
        await Page.Locator("#sign-in-button").ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });
    }

    /// <summary>Waits for the map's first idle with every twin and the figures loaded.</summary>
    public async Task WaitReadyAsync(int timeoutMs = 120_000)
    {
        try
        {
            await Page.WaitForFunctionAsync("() => window.__twin !== undefined && window.__twin.ready === true", null, new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 100 });
        }
        catch (TimeoutException e)
        {
            // Say where the page was instead (the sign-in page with an error shown, a map not loaded).
            var where = await Page.EvaluateAsync<string>(
                "() => JSON.stringify({ url: location.href, twin: window.__twin === undefined ? null : { ready: window.__twin.ready, hub: window.__twin.hub }, "
                + "shown: [...document.querySelectorAll('[id$=\"-error\"]')].filter(el => !el.hidden && el.textContent).map(el => el.id + ': ' + el.textContent) })");
            throw new TimeoutException($"the map was not ready within {timeoutMs / 1000.0:0.#} s: {where}; page errors: [{string.Join(" | ", Errors)}]", e);
        }
    }

    /// <summary>Waits until the page follows the hub: connected and the park's snapshot compared.</summary>
    public Task WaitLiveAsync() =>
        Page.WaitForFunctionAsync("() => window.__twin.hub === 'connected' && window.__twin.synced.includes('park')", null, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 100 });

    public async Task<Dictionary<string, int>> FeatureCountsAsync() =>
        await Page.EvaluateAsync<Dictionary<string, int>>("() => window.__twin.featureCounts");

    public async Task<long?> VersionAsync(string id) =>
        await Page.EvaluateAsync<long?>("id => window.__twin.version(id) ?? null", id);

    public async Task<string?> SelectionAsync() => await Page.EvaluateAsync<string?>("() => window.__twin.selection()");

    public async Task<string[]> RenderedLabelsAsync() => await Page.EvaluateAsync<string[]>("() => window.__twin.renderedLabels()");

    public async Task<MapView> ViewAsync()
    {
        var view = await Page.EvaluateAsync<JsonElement>("() => window.__twin.view()");
        var center = view.GetProperty("center");
        return new MapView(center[0].GetDouble(), center[1].GetDouble(), view.GetProperty("zoom").GetDouble(), view.GetProperty("bearing").GetDouble(), view.GetProperty("pitch").GetDouble());
    }

    /// <summary>Clicks a twin where the map draws it (its label point).</summary>
    public async Task ClickTwinAsync(string id)
    {
        var point = await Page.EvaluateAsync<JsonElement?>("id => window.__twin.screenPoint(id)", id)
            ?? throw new InvalidOperationException($"{id} is not on the map");
        var box = await Page.Locator("#map").BoundingBoxAsync() ?? throw new InvalidOperationException("no #map");
        await Page.Mouse.ClickAsync((float)(box.X + point.GetProperty("x").GetDouble()), (float)(box.Y + point.GetProperty("y").GetDouble()));
    }

    public ILocator PanelTitle => Page.Locator("#details-title");

    public ILocator StatsTitle => Page.Locator("#stats-title");

    public ILocator LanguageButton => Page.Locator("#lang-toggle");

    /// <summary>The page's URL hash as its parameters (<c>sel</c>, <c>c</c>, <c>lang</c>, ...).</summary>
    public async Task<Dictionary<string, string>> HashAsync()
    {
        var hash = await Page.EvaluateAsync<string>("() => decodeURIComponent(location.hash)");
        return hash.TrimStart('#', '/', '?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "", StringComparer.Ordinal);
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(TwinApp.ScreenshotFolder);
        var path = Path.Combine(TwinApp.ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private async Task RouteAsync(IRoute route)
    {
        var url = route.Request.Url;
        Record(url);
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme is "data" or "blob" || uri.Host == "127.0.0.1"))
        {
            await route.ContinueAsync();
            return;
        }

        lock (_offMachine)
        {
            _offMachine.Add(url);
        }

        await route.AbortAsync("blockedbyclient");
    }

    private void AddError(string error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    private void Record(string url)
    {
        lock (_requests)
        {
            _requests.Add(url);
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss" && uri.Host != "127.0.0.1")
        {
            lock (_offMachine)
            {
                _offMachine.Add(url);
            }
        }
    }

    private static List<string> Snapshot(List<string> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }
}

/// <summary>A camera: centre, zoom, bearing and pitch.</summary>
public sealed record MapView(double Lon, double Lat, double Zoom, double Bearing, double Pitch)
{
    /// <summary>As the URL's <c>c=</c> writes it.</summary>
    public string ToHash() => string.Create(CultureInfo.InvariantCulture, $"{Lon:0.######},{Lat:0.######},{Zoom:0.##},{Bearing:0.#},{Pitch:0.#}");
}
