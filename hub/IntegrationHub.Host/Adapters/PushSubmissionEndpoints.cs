using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EServices.Push;
using IntegrationHub.Hub.Apis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationHub.Host.Adapters;

/// <summary>Form submissions pushed by e-service platforms (Artvise, Selfpoint …), one configured instance per platform.</summary>
internal static class PushSubmissionEndpoints
{
    private const string ProblemBase = "https://integrationhub.se/problems/";

    public static IEndpointRouteBuilder MapPushSubmissions(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/adapters/eservices/{instance}/submissions", SubmitAsync)
            .WithTags("Adapters")
            .WithSummary("A form submission pushed by an e-service platform (JSON or XML, signed or with a key): registered as an opened case with the submission as an incoming document")
            .DisableAntiforgery()
            // Authenticated by the instance's own HMAC signature or key (docs/eservices-push.md), not by a hub API key.
            .AllowAnonymous();
        return routes;
    }

    private static async Task<Results<Accepted<AcceptedResponse>, ProblemHttpResult>> SubmitAsync(
        string instance, HttpRequest request, PushSubmissionHandler handler, ICaseEventIntake intake, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (handler.MaxBodyBytes(instance) is not { } limit)
        {
            return Problem(PushFailureKind.UnknownInstance, "Unknown e-service instance", $"No e-service platform is configured as '{instance}' (Adapters:EServicesPush:{{instance}}).", []);
        }

        // Read at most one byte more than allowed: a larger body is refused without holding all of it.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                break;
            }
        }

        var result = await handler.HandleAsync(instance, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), request.ContentType, request.Headers, cancellationToken);
        if (!result.Succeeded)
        {
            var failure = result.Failure;
            // The answer tells the platform little on purpose (a 401 names no reason); the log tells the administrator.
            loggers.CreateLogger("IntegrationHub.Host.Adapters.PushSubmissions").LogWarning(
                "Pushed submission to {Instance} refused with {Status}: {Reason}", instance, failure.Status, failure.LogReason ?? failure.Title);
            return Problem(failure.Kind, failure.Title, failure.Detail, failure.Problems);
        }

        try
        {
            var receipt = await intake.SubmitAsync(result.Events, cancellationToken);
            return TypedResults.Accepted((string?)null, new AcceptedResponse(receipt.Events));
        }
        catch (CaseEventsRejectedException rejected)
        {
            // The handler validates first; this is the hub's last word. The events are refused; the files already put in
            // the content store stay there unreferenced (content is stored once per SHA-256).
            return Problems.InvalidBatch(rejected.Rejected);
        }
    }

    private static ProblemHttpResult Problem(PushFailureKind kind, string title, string detail, IReadOnlyList<PushSubmissionProblem> problems) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: (int)kind,
            title: title,
            type: ProblemBase + kind.ToString().ToLowerInvariant(),
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = problems.Select(p => new { pointer = p.Field, path = p.Path, rule = p.Rule, message = p.Message, line = p.Line, position = p.Position }).ToList(),
            });
}
