using System.Net;

namespace Twin.Browser.Tests;

/// <summary>How the silo serves the built map: the page, its assets and what is never the page.</summary>
[Collection(TwinAppCollection.Name)]
public sealed class ClientHostingTests(TwinApp app)
{
    [Fact]
    public async Task TheRootServesThePageNeverCached()
    {
        using var response = await app.Http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-cache", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("<div id=\"map\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyOtherPagePathServesThePageToo()
    {
        using var response = await app.Http.GetAsync(new Uri("/zones/chengbei", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/hubs/nothing-here")]
    [InlineData("/openapi/nothing-here")]
    public async Task ServerPathsAreNeverAnsweredWithThePage(string path)
    {
        using var response = await app.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HashedAssetsAreCachedForAYear()
    {
        var page = await app.Http.GetStringAsync(new Uri("/", UriKind.Relative));
        var script = System.Text.RegularExpressions.Regex.Match(page, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);

        using var response = await app.Http.GetAsync(new Uri(script, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var cache = response.Headers.CacheControl;
        Assert.True(cache?.Public == true && cache.MaxAge == TimeSpan.FromDays(365), $"Cache-Control: {cache}");
        Assert.Contains("immutable", cache!.ToString(), StringComparison.Ordinal);
    }
}
