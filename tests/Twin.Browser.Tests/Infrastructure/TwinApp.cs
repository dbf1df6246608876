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

    /// <summary>An API client signed in as the demo operator (may read and enter data), with the anti-forgery header.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The demo credentials the silo printed (it runs as <c>./twin run --demo</c> would).</summary>
    public JsonObject Credentials { get; private set; } = null!;

    private readonly string _credentialsFile = Path.Combine(Path.GetTempPath(), $"twin-browser-demo-{Guid.NewGuid():N}.json");

    /// <summary>The password of demo account <c>demo-{role}</c>.</summary>
    public string PasswordOf(string role) =>
        Credentials["users"]!.AsArray().Single(u => u!["name"]!.GetValue<string>() == $"demo-{role}")!["password"]!.GetValue<string>();

    /// <summary>Where the tests leave screenshots: TestResults/screenshots at the repository root.</summary>
    public static string ScreenshotFolder => Path.Combine(RepoPaths.Root, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _silo = new SiloProcess(_azurite.ConnectionString);
        _silo.Settings["Twin__Demo__Enabled"] = "true";
        _silo.Settings["Twin__Demo__CredentialsFile"] = _credentialsFile;
        await _silo.StartAsync();
        Credentials = await ReadCredentialsAsync();
        Http = await SignedInClientAsync("operator");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A fresh page (own context, so no state carries over) on the map, signed in through the
    /// sign-in page as <c>demo-{role}</c> the way a person does.
    /// </summary>
    public async Task<MapPage> OpenAsync(string hash = "", ViewportSize? viewport = null, string role = "viewer")
    {
        var page = await NewPageAsync(viewport);
        await page.SignInAsync($"demo-{role}", PasswordOf(role), "/" + hash);
        return page;
    }

    /// <summary>A fresh page that has not signed in (nothing opened yet).</summary>
    public async Task<MapPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? new ViewportSize { Width = 1440, Height = 900 },
            Locale = "zh-CN",
        });
        return await MapPage.CreateAsync(context, BaseAddress);
    }

    /// <summary>An API client signed in as <c>demo-{role}</c>, sending the session's anti-forgery token.</summary>
    public async Task<HttpClient> SignedInClientAsync(string role)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = Silo.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName = $"demo-{role}", password = PasswordOf(role) });
        var session = await response.Content.ReadFromJsonAsync<JsonObject>();
        response.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", session!["antiforgeryToken"]!.GetValue<string>());
        return client;
    }

    private async Task<JsonObject> ReadCredentialsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(_credentialsFile))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the silo wrote no demo credentials:\n{Silo.Log}");
            }

            await Task.Delay(200);
        }

        return JsonNode.Parse(await File.ReadAllTextAsync(_credentialsFile))!.AsObject();
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
        File.Delete(_credentialsFile);
    }
}

[CollectionDefinition(Name)]
public sealed class TwinAppCollection : ICollectionFixture<TwinApp>
{
    public const string Name = "twin app";
}
