using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Hub.Apis;

/// <summary>
/// Turns request bodies and parameters that minimal APIs cannot bind into ProblemDetails that name
/// the field (as a JSON pointer) and the rule, like every other error of the hub.
/// </summary>
public sealed class BadRequestExceptionHandler : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var problem = badRequest.InnerException switch
        {
            JsonException { Path: { Length: > 1 } path } json when json.Message.Contains("could not be converted", StringComparison.Ordinal) =>
                Problems.InvalidParameter(ToPointer(path), "type", $"The value at {ToPointer(path)} has the wrong type or is not one of the allowed values."),
            JsonException json => Problems.MalformedJson(json.LineNumber, json.BytePositionInLine),
            _ => Problems.InvalidParameter("request", "binding", badRequest.Message),
        };
        await problem.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary><c>$.restriction.type</c> → <c>/restriction/type</c>; <c>$.items[2]</c> → <c>/items/2</c>.</summary>
    private static string ToPointer(string jsonPath) =>
        jsonPath.TrimStart('$').Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Replace('.', '/');
}
