using System.Diagnostics;

namespace Twin.Browser.Tests;

/// <summary>The map following the twin live, through the hub.</summary>
[Collection(TwinAppCollection.Name)]
public sealed class LiveMapTests(TwinApp app)
{
    [Fact]
    public async Task AProgressReportShowsOnTheMapWithinTwoSeconds()
    {
        // A building still at Planned can always move on to Piling.
        var building = (await app.FeaturesAsync("building")).First(f => Twins.Prop(f!, "stage") == "Planned")!;
        var id = Twins.Id(building);
        await using var map = await app.OpenAsync();
        await map.WaitReadyAsync();
        await map.WaitLiveAsync();
        var before = await map.VersionAsync(id);
        Assert.NotNull(before);

        var clock = Stopwatch.StartNew();
        using var response = await app.Http.PostAsJsonAsync(new Uri($"/api/buildings/{id}/progress", UriKind.Relative), new { floorsBuilt = 0, stage = "Piling" });
        response.EnsureSuccessStatusCode();
        await map.Page.WaitForFunctionAsync("([id, v]) => (window.__twin.version(id) ?? 0) > v", new object[] { id, before.Value }, new() { Timeout = 10_000, PollingInterval = 20 });
        clock.Stop();

        Assert.True(clock.Elapsed <= TimeSpan.FromSeconds(2), $"the map showed version {before + 1} of {id} after {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(await map.Page.EvaluateAsync<double>("() => window.__twin.lastChangeAt") > 0);
    }
}
