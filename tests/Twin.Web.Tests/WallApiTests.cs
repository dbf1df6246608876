using Twin.Web.Security;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace Twin.Web.Tests;

/// <summary>The wall API and the wall topic of the hub, through HTTP and the .NET SignalR client.</summary>
public sealed class WallApiTests(TwinApiFixture fixture) : IClassFixture<TwinApiFixture>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await fixture.Host.ReadyClientAsync(TwinRoles.Presenter);

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_main_wall_answers_its_defaults_before_anyone_set_it()
    {
        var wall = await _client.GetJson("/api/walls/main");

        Assert.Equal("main", wall["wallId"]!.GetValue<string>());
        Assert.Equal("Stage", wall["coloring"]!.GetValue<string>());
        Assert.False(wall["tourPaused"]!.GetValue<bool>());
        Assert.Empty(wall["hiddenLayers"]!.AsArray());
    }

    [Theory]
    [InlineData("focus", """{"zoneId": "zone:nowhere"}""", "zoneId")]
    [InlineData("layers", """{"hidden": ["buildings", "satellite"]}""", "hidden")]
    [InlineData("layers", """{}""", "hidden")]
    [InlineData("coloring", """{"coloring": "Height"}""", "coloring")]
    [InlineData("scenario", """{"scenarioId": "has spaces"}""", "scenarioId")]
    [InlineData("tour", """{"paused": "yes"}""", "paused")]
    [InlineData("acknowledge", """{"alarms": [{"plantId": "plant:nowhere", "at": "2026-11-27T08:00:00Z"}]}""", "alarms[0].plantId")]
    [InlineData("camera", """{"camera": {"lon": 115.5, "lat": 27.9, "zoom": 30, "bearing": 0, "pitch": 40}}""", "camera.zoom")]
    public async Task A_bad_presenter_command_is_a_400_naming_the_field_and_changes_nothing(string command, string body, string field)
    {
        var wallId = NewWall();
        var before = await _client.GetJson($"/api/walls/{wallId}");

        var (status, problem) = await _client.Post($"/api/walls/{wallId}/{command}", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(field, problem.ProblemField());
        Assert.Equal(before.ToJsonString(), (await _client.GetJson($"/api/walls/{wallId}")).ToJsonString());
    }

    [Fact]
    public async Task A_wall_id_that_is_not_one_is_a_404()
    {
        var (status, problem) = await _client.Post("/api/walls/Not_A_Wall/tour", """{"paused": true}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("id", problem.ProblemField());
    }

    [Fact]
    public async Task A_subscribed_screen_gets_the_current_state_then_each_presenter_action()
    {
        var wallId = NewWall();
        await _client.Post($"/api/walls/{wallId}/coloring", """{"coloring": "Occupancy"}""");
        await using var connection = fixture.Host.HubConnection();
        var walls = Listen(connection);
        await connection.StartAsync();

        await connection.InvokeAsync("Subscribe", $"wall:{wallId}");
        var current = await WaitFor(walls, w => w["version"]!.GetValue<long>() == 1);
        Assert.Equal("Occupancy", current["coloring"]!.GetValue<string>());

        var (status, answer) = await _client.Post($"/api/walls/{wallId}/focus", """{"zoneId": "zone:yaodu-tech-pharma"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var pushed = await WaitFor(walls, w => w["version"]!.GetValue<long>() == 2);
        Assert.Equal("zone:yaodu-tech-pharma", pushed["focusZoneId"]!.GetValue<string>());
        Assert.Equal(answer.ToJsonString(), pushed.ToJsonString());
    }

    [Fact]
    public async Task An_alarm_is_acknowledged_by_plant_and_reading_time()
    {
        var wallId = NewWall();
        var plant = (await _client.Features("?kind=plant")).First(p => p.Prop("status") == "Operating");
        var at = DateTimeOffset.UtcNow.AddMinutes(-3).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        var (status, wall) = await _client.Post($"/api/walls/{wallId}/acknowledge", $$"""{"alarms": [{"plantId": "{{plant.Id()}}", "at": "{{at}}"}]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var ack = Assert.Single(wall["acknowledged"]!.AsArray())!.AsObject();
        Assert.Equal(plant.Id(), ack["plantId"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), ack["at"]!.GetValue<DateTimeOffset>());
    }

    private static string NewWall() => $"t-{Guid.NewGuid():N}"[..16];

    internal static ConcurrentQueue<JsonObject> Listen(HubConnection connection)
    {
        var walls = new ConcurrentQueue<JsonObject>();
        connection.On<JsonObject>("wall", walls.Enqueue);
        return walls;
    }

    internal static async Task<JsonObject> WaitFor(ConcurrentQueue<JsonObject> walls, Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (walls.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(10);
        }

        throw new Xunit.Sdk.XunitException($"no matching wall state among {walls.Count} received");
    }
}
