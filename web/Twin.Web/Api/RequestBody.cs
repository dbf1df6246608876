using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Twin.Spatial.Serialization;

namespace Twin.Web.Api;

/// <summary>
/// Binds a JSON body to a request record with the twin's JSON conventions, naming the field
/// at fault when it cannot (a wrong type, an unknown enum value, a missing required field).
/// </summary>
public static class RequestBody
{
    public static bool TryBind<T>(JsonElement body, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out IResult? problem)
        where T : class
    {
        value = null;
        problem = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            problem = Problems.Invalid("body", "the body must be a JSON object");
            return false;
        }

        try
        {
            value = body.Deserialize<T>(TwinJson.Options);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? FieldFromMessage(e.Message) : e.Path.TrimStart('$', '.');
            problem = Problems.Invalid(field, $"'{field}' is not valid: {FirstSentence(e.Message)}");
            return false;
        }

        if (value is null)
        {
            problem = Problems.Invalid("body", "the body is empty");
            return false;
        }

        return true;
    }

    private static string FieldFromMessage(string message)
    {
        // "JSON deserialization for type 'X' was missing required properties including: 'stage'."
        var quote = message.LastIndexOf('\'');
        var start = quote > 0 ? message.LastIndexOf('\'', quote - 1) : -1;
        return start >= 0 ? message[(start + 1)..quote] : "body";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
