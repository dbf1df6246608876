using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Twin.Planning.Scenarios;

namespace Twin.Web.Api;

/// <summary>Scenario answers: the scenario after a command, or ProblemDetails naming the field.</summary>
public static class ScenarioProblems
{
    public static ProblemHttpResult NotFound(string field, string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound,
            extensions: new Dictionary<string, object?> { ["field"] = field });

    public static ProblemHttpResult NoScenario(string id) => NotFound("id", $"no scenario '{id}'");

    public static IResult From(ScenarioResult result, Func<ScenarioState, IResult>? accepted = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            CommandOutcome.Accepted => accepted?.Invoke(result.State!) ?? TypedResults.Json(ScenarioView.Of(result.State!)),
            CommandOutcome.Invalid => Problems.Invalid(result.Field ?? "body", result.Error ?? "invalid"),
            CommandOutcome.NotFound => NotFound(result.Field ?? "id", result.Error ?? "not found"),
            _ => TypedResults.Problem(title: $"Conflict on {result.Field}", detail: result.Error, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?>
                {
                    ["field"] = result.Field,
                    ["currentVersion"] = result.State?.Version,
                    ["conflicts"] = result.Conflicts,
                }),
        };
    }
}

/// <summary>A scenario as the API shows it: its state and its sites (vacant and planned buildings with their ready dates).</summary>
public sealed record ScenarioView(ScenarioState Scenario, IReadOnlyList<ScenarioSite> Sites, ScenarioFigures Figures)
{
    public static ScenarioView Of(ScenarioState s) => new(s, ScenarioSites.Of(s), Comparison.Figures(s));
}
