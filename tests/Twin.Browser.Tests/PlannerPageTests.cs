using System.Globalization;
using System.Text;

namespace Twin.Browser.Tests;

/// <summary>
/// The planner page end to end in chromium: create a scenario, import a CSV, run the optimiser, see
/// the result on the map, commit. It has a park of its own (its own Azurite and silo), because the
/// commit changes the live park the other browser tests read.
/// </summary>
public sealed class PlannerPageTests(TwinApp app) : IClassFixture<TwinApp>
{
    private static byte[] Csv()
    {
        var lines = new List<string> { "id,name,industry,minArea,maxArea,floors,discharge,hazardClass,readyBy,value" };
        for (var i = 1; i <= 10; i++)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"web-{i:D2},浏览器企业{i:D2},{(i % 3 == 0 ? "metal-furniture" : "pharma")},{4000 + (i * 300)},{16000},2,{20 + i},0,2027-12-31,{100 + (i * 25)}"));
        }

        lines.Insert(3, "web-bad,坏行,pharma,abc,9000,2,10,0,2027-12-31,100");
        return Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
    }

    [Fact]
    public async Task APlannerCreatesImportsRunsSeesTheResultAndCommits()
    {
        await using var planner = await app.NewPageAsync();
        await planner.SignInAsync("demo-planner", app.PasswordOf("planner"), "/plan");
        var page = planner.Page;
        await page.WaitForFunctionAsync("() => window.__plan && window.__plan.ready", null, new() { Timeout = 60_000 });

        await page.FillAsync("#new-name", "浏览器方案");
        await page.ClickAsync("#create");
        await page.WaitForFunctionAsync("() => window.__plan.scenarioId !== null", null, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#scenario-name")).ToContainTextAsync("浏览器方案");

        await page.SetInputFilesAsync("#csv-file", new FilePayload { Name = "candidates.csv", MimeType = "text/csv", Buffer = Csv() });
        await Assertions.Expect(page.Locator("#row-errors .row-error")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#row-errors")).ToContainTextAsync("第 4 行 · minArea");
        await Assertions.Expect(page.Locator("#candidate-table tbody tr")).ToHaveCountAsync(10);

        await page.FillAsync("#time-limit", "3");
        await page.ClickAsync("#run");
        await page.WaitForFunctionAsync("() => window.__plan.runStatus !== null && window.__plan.runStatus !== 'Running' && window.__plan.placed > 0", null, new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("#run-status")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("() => window.__plan.colored()") > 0);
        Directory.CreateDirectory(TwinApp.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(TwinApp.ScreenshotFolder, "planner-result.png") });

        await page.ClickAsync("#commit");
        await Assertions.Expect(page.Locator("#commit-dialog")).ToBeVisibleAsync();
        Assert.True(await page.Locator("#commit-changes li").CountAsync() >= 2);
        await page.ClickAsync("#commit-confirm");
        await page.WaitForFunctionAsync("() => window.__plan.committed", null, new() { Timeout = 30_000 });

        var id = await page.EvaluateAsync<string>("() => window.__plan.scenarioId");
        using var http = await app.SignedInClientAsync("planner");
        var scenario = await http.GetFromJsonAsync<JsonObject>(new Uri($"/api/scenarios/{id}", UriKind.Relative));
        var placed = scenario!["scenario"]!["plan"]!.AsArray()[0]!;
        var building = await http.GetFromJsonAsync<JsonObject>(new Uri($"/api/twins/{placed["buildingId"]}", UriKind.Relative));
        var tenant = building!["properties"]!["tenantId"]!.GetValue<string>();
        Assert.Equal(scenario["scenario"]!["committed"]!["enterpriseIds"]![placed["candidateId"]!.GetValue<string>()]!.GetValue<string>(), tenant);
        Assert.Empty(planner.Errors);
        Assert.Empty(planner.OffMachineRequests);
    }
}
