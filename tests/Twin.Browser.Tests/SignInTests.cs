namespace Twin.Browser.Tests;

/// <summary>Signing in through the page, as a person does: nobody sees the park before, a one-time password must be replaced.</summary>
[Collection(TwinAppCollection.Name)]
public sealed class SignInTests(TwinApp app)
{
    [Fact]
    public async Task SomeoneNotSignedInIsSentToTheSignInPageAndComesBackToTheMapAfterSigningIn()
    {
        await using var page = await app.NewPageAsync();
        await page.GotoAsync("#/?sel=plant:chengbei");

        await page.Page.WaitForURLAsync(url => url.Contains("/login?return=", StringComparison.Ordinal));
        Assert.DoesNotContain(page.Requests, url => url.Contains("/api/features", StringComparison.Ordinal));
        await Assertions.Expect(page.Page.Locator("#sign-in")).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.Locator("#change-password")).ToBeHiddenAsync();

        await page.Page.Locator("#user-name").FillAsync("demo-viewer");
        await page.Page.Locator("#password").FillAsync("not-the-password");
        await page.Page.Locator("#sign-in-button").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#sign-in-error")).ToBeVisibleAsync();
        Assert.Contains("/login", page.Page.Url, StringComparison.Ordinal);

        await page.Page.Locator("#password").FillAsync(app.PasswordOf("viewer"));
        await page.Page.Locator("#sign-in-button").ClickAsync();
        await page.WaitReadyAsync();

        Assert.Equal("plant:chengbei", await page.SelectionAsync());
        await Assertions.Expect(page.Page.Locator("#user-name")).ToHaveTextAsync("Demo viewer");
        await page.ScreenshotAsync("sign-in-then-map");
        Assert.Empty(page.OffMachineRequests);
        // Besides the wrong password's 401, nothing failed: the Content-Security-Policy blocked nothing the page needs.
        Assert.Single(page.Errors, e => e.Contains("401", StringComparison.Ordinal));
        Assert.All(page.Errors, e => Assert.Contains("401", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANewAccountsOneTimePasswordMustBeReplacedBeforeTheMapOpens()
    {
        using var admin = await app.SignedInClientAsync("admin");
        var name = $"leader-{Guid.NewGuid():N}"[..16];
        using var created = await admin.PostAsJsonAsync(new Uri("/api/admin/users", UriKind.Relative), new { name, displayName = "领导", roles = new[] { "viewer" } });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var oneTime = (await created.Content.ReadFromJsonAsync<JsonObject>())!["oneTimePassword"]!.GetValue<string>();

        await using var page = await app.NewPageAsync();
        await page.Page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.Page.Locator("#user-name").FillAsync(name);
        await page.Page.Locator("#password").FillAsync(oneTime);
        await page.Page.Locator("#sign-in-button").ClickAsync();

        // Only once signed in does the page swap the sign-in form for the change form (the change
        // form was visible from the start, and a quick hand could submit it before the sign-in's answer).
        await Assertions.Expect(page.Page.Locator("#change-password")).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.Locator("#sign-in")).ToBeHiddenAsync();
        await page.Page.Locator("#current-password").FillAsync(oneTime);
        await page.Page.Locator("#new-password").FillAsync("a-new-secret-2026");
        await page.Page.Locator("#confirm-password").FillAsync("a-new-secret-2026");
        await page.Page.Locator("#change-button").ClickAsync();
        await page.WaitReadyAsync();

        await Assertions.Expect(page.Page.Locator("#user-name")).ToHaveTextAsync("领导");
        Assert.Empty(page.Errors);
    }
}
