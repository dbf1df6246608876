namespace Twin.Browser.Tests.Infrastructure;

/// <summary>
/// The twin as a user reaches it: Azurite, the built silo serving API, hub and map, and Debian's
/// chromium (headless, WebGL through SwiftShader). Started once for every browser test.
/// </summary>
public sealed class TwinApp : IAsyncLifetime
{
    /// <summary>Debian's chromium: Playwright never downloads a browser here.</summary>
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    ];

    private readonly AzuriteProcess _azurite = new();
    private SiloProcess? _silo;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public SiloProcess Silo => _silo ?? throw new InvalidOperationException("not started");

    public Uri BaseAddress => Silo.BaseAddress;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Where the tests leave screenshots: TestResults/screenshots at the repository root.</summary>
    public static string ScreenshotFolder => Path.Combine(RepoPaths.Root, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _silo = new SiloProcess(_azurite.ConnectionString);
        await _silo.StartAsync();
        Http = new HttpClient { BaseAddress = _silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh page (own context, so no state carries over) on the map.</summary>
    public async Task<MapPage> OpenAsync(string hash = "", ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? new ViewportSize { Width = 1440, Height = 900 },
            Locale = "zh-CN",
        });
        var page = await MapPage.CreateAsync(context, BaseAddress);
        await page.GotoAsync(hash);
        return page;
    }

    /// <summary>Every twin the API serves, as <c>/api/features</c> lists it.</summary>
    public async Task<JsonArray> FeaturesAsync(string? kind = null)
    {
        var url = kind is null ? "/api/features" : $"/api/features?kind={kind}";
        var collection = await Http.GetFromJsonAsync<JsonObject>(new Uri(url, UriKind.Relative));
        return collection!["features"]!.AsArray();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Http?.Dispose();
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TwinAppCollection : ICollectionFixture<TwinApp>
{
    public const string Name = "twin app";
}
