using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Twin.Contracts.Walls;
using Twin.Web.Api;
using Twin.Web.Catalog;
using Twin.Web.Security;

namespace Twin.Web.Walls;

/// <summary>
/// The video walls: a wall's state, and the presenter's commands. Each answers the wall's new
/// state; the wall grain publishes it and every screen of the wall, on every silo, follows.
/// </summary>
public static class WallApi
{
    public static RouteGroupBuilder MapWallApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/walls/{id}", async (string id, IGrainFactory grains, HttpContext context) =>
                !context.User.MayShowWall(id) ? TypedResults.Forbid()
                : WallRules.IsWallId(id) ? (IResult)TypedResults.Json(await grains.GetGrain<IWallGrain>(id).GetState()) : WallNotFound(id))
            // People, and the display key of this wall only (checked above).
            .RequireAuthorization(TwinPolicies.WallDisplay)
            .WithSummary("A video wall's state (a wall nobody set answers its defaults)");

        Map<FocusRequest>(api, "focus", "Fly the wall to a zone, or to the whole park with zoneId null",
            (wall, r) => wall.Focus(r.ZoneId),
            (r, catalog) => r.ZoneId is not null && catalog.Find(r.ZoneId) is not ZoneState ? ("zoneId", $"no zone '{r.ZoneId}'") : null);
        Map<LayersRequest>(api, "layers", "Switch the wall's map layers: the list of those hidden", (wall, r) => wall.SetHiddenLayers(r.Hidden));
        Map<ColoringRequest>(api, "coloring", "Colour the map by construction stage, occupancy or compliance", (wall, r) => wall.SetColoring(r.Coloring));
        Map<ScenarioRequest>(api, "scenario", "Show a planner scenario on the wall, or none with scenarioId null", (wall, r) => wall.ShowScenario(r.ScenarioId));
        Map<TourRequest>(api, "tour", "Pause or resume the wall's zone tour", (wall, r) => wall.SetTourPaused(r.Paused));
        Map<AcknowledgeRequest>(api, "acknowledge", "Acknowledge effluent alarms: each a plant id and its reading's time",
            (wall, r) => wall.Acknowledge([.. r.Alarms.Select(a => new AlarmKey(a.PlantId, a.At))]),
            CheckAlarms);
        Map<CameraRequest>(api, "camera", "Follow me: the wall mirrors this camera; camera null stops following", (wall, r) => wall.Follow(r.Camera));
        return api;
    }

    private static void Map<TRequest>(
        RouteGroupBuilder api,
        string command,
        string summary,
        Func<IWallGrain, TRequest, Task<WallResult>> send,
        Func<TRequest, TwinCatalog, (string Field, string Error)?>? check = null)
        where TRequest : class
    {
        api.MapPost($"/walls/{{id}}/{command}", async (string id, JsonElement body, IGrainFactory grains, TwinCatalog catalog) =>
            {
                if (!WallRules.IsWallId(id))
                {
                    return WallNotFound(id);
                }

                if (!RequestBody.TryBind<TRequest>(body, out var request, out var problem))
                {
                    return problem;
                }

                if (check?.Invoke(request, catalog) is var (field, error))
                {
                    return Problems.Invalid(field, error);
                }

                var result = await send(grains.GetGrain<IWallGrain>(id), request);
                return result.IsAccepted ? TypedResults.Json(result.State) : Problems.Invalid(result.Field!, result.Error!);
            })
            .RequireAuthorization(TwinPolicies.Present)
            .WithSummary(summary)
            .Accepts<TRequest>("application/json")
            .Produces<WallState>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static (string Field, string Error)? CheckAlarms(AcknowledgeRequest request, TwinCatalog catalog)
    {
        for (var i = 0; i < request.Alarms.Count; i++)
        {
            if (request.Alarms[i] is not { } alarm)
            {
                return ($"alarms[{i}]", "an alarm is {plantId, at}, not null");
            }

            if (catalog.Find(alarm.PlantId) is not PlantState)
            {
                return ($"alarms[{i}].plantId", $"no plant '{alarm.PlantId}'");
            }
        }

        return null;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult WallNotFound(string id) =>
        TypedResults.Problem(title: "Not found", detail: $"'{id}' is not a wall id: 1 to 40 of a-z, 0-9 and -", statusCode: StatusCodes.Status404NotFound,
            extensions: new Dictionary<string, object?> { ["field"] = "id", ["id"] = id });
}
