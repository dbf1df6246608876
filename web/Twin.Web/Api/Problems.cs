using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Twin.Web.Api;

/// <summary>Errors as ProblemDetails that name the field at fault.</summary>
public static class Problems
{
    public static ValidationProblem Invalid(string field, string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [error] }, title: $"Invalid {field}");

    public static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(title: "Not found", detail: $"no twin '{id}'", statusCode: StatusCodes.Status404NotFound,
            extensions: new Dictionary<string, object?> { ["field"] = "id", ["id"] = id });

    public static ProblemHttpResult Conflict(string field, string error, long? version) =>
        TypedResults.Problem(title: $"Conflict on {field}", detail: error, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["field"] = field, ["currentVersion"] = version });

    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(title: "Starting", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>503 for load shedding: the caller sends again after the <c>Retry-After</c> the endpoint sets.</summary>
    public static ProblemHttpResult Busy(string detail) =>
        TypedResults.Problem(title: "Busy", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = 1 });

    /// <summary>The HTTP answer to a grain's command result.</summary>
    public static IResult From(CommandResult result, string id)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            CommandOutcome.Accepted => TypedResults.Json(FeatureJson.Feature(result.State!), statusCode: StatusCodes.Status200OK),
            CommandOutcome.Invalid => Invalid(result.Field ?? "body", result.Error ?? "invalid"),
            CommandOutcome.Conflict => Conflict(result.Field ?? "body", result.Error ?? "conflict", result.State?.Version),
            _ => NotFound(id),
        };
    }
}
