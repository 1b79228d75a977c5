using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationHub.Hub.Apis;

/// <summary>The hub's RFC 9457 problem responses; every <c>type</c> is documented in docs/problems.md.</summary>
public static class Problems
{
    private const string TypeBase = "https://integrationhub.se/problems/";

    /// <summary>A 400 naming every failing JSON pointer and rule of a single event.</summary>
    public static ProblemHttpResult InvalidEvent(IReadOnlyList<ValidationError> errors) =>
        Create(StatusCodes.Status400BadRequest, "invalid-event", "The event breaks the Sambruk case-event schema.",
            $"{errors.Count} rule(s) failed; see 'errors'. Nothing was stored.",
            new() { ["errors"] = errors.Select(ToJson).ToList() });

    /// <summary>A 400 for a batch: nothing stored, with each failing member and its errors.</summary>
    public static ProblemHttpResult InvalidBatch(IReadOnlyList<RejectedEvent> rejected) =>
        Create(StatusCodes.Status400BadRequest, "invalid-batch", "One or more events in the batch break the Sambruk case-event schema.",
            $"{rejected.Count} member(s) failed; the batch is all-or-nothing, so nothing was stored.",
            new()
            {
                ["failedMembers"] = rejected.Select(r => r.Index).ToList(),
                ["errors"] = rejected.SelectMany(r => r.Errors.Select(e => ToJson(e with { Pointer = $"/{r.Index}{e.Pointer}" }))).ToList(),
            });

    /// <summary>A 400 for JSON that does not parse, with the position.</summary>
    public static ProblemHttpResult MalformedJson(long? line, long? bytePositionInLine) =>
        Create(StatusCodes.Status400BadRequest, "malformed-json", "The request body is not well-formed JSON.",
            $"JSON syntax error at line {(line ?? 0) + 1}, byte {(bytePositionInLine ?? 0) + 1} of that line.",
            new() { ["line"] = (line ?? 0) + 1, ["bytePositionInLine"] = (bytePositionInLine ?? 0) + 1 });

    /// <summary>A 400 for a query or route parameter that breaks a rule.</summary>
    public static ProblemHttpResult InvalidParameter(string parameter, string rule, string message) =>
        Create(StatusCodes.Status400BadRequest, "invalid-parameter", $"The parameter '{parameter}' is invalid.", message,
            new() { ["errors"] = new[] { new { pointer = parameter, rule, message } } });

    /// <summary>A 415 listing the accepted media types.</summary>
    public static ProblemHttpResult UnsupportedMediaType(string? given, IEnumerable<string> accepted) =>
        Create(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "The Content-Type is not accepted here.",
            $"Got '{given ?? "(none)"}'. Send one of: {string.Join(", ", accepted)}.",
            new() { ["accepted"] = accepted.ToList() });

    /// <summary>A 413 stating the configured limit.</summary>
    public static ProblemHttpResult TooLarge(string what, long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "too-large", "The request is too large.",
            $"The {what} exceeds the configured limit of {limit}.", new() { ["limit"] = limit });

    /// <summary>A 409 when the resource's state does not allow the change.</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        Create(StatusCodes.Status409Conflict, "conflict", "The change conflicts with the resource's current state.", detail, []);

    /// <summary>A 422 for a request that is well-formed but not allowed.</summary>
    public static ProblemHttpResult Refused(string rule, string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, "refused", "The request is not allowed.", detail, new() { ["rule"] = rule });

    /// <summary>A 404 for an unknown resource.</summary>
    public static ProblemHttpResult NotFound(string what) =>
        Create(StatusCodes.Status404NotFound, "not-found", "Not found.", $"No {what} with that id.", []);

    /// <summary>A 401: no credential, or one that is not accepted (the reason is only in the hub's log).</summary>
    public static ProblemHttpResult Unauthenticated() =>
        Create(StatusCodes.Status401Unauthorized, "unauthenticated", "Authentication is required.",
            "Send an API key (X-Api-Key: ihub_…) or a bearer token from the municipality's sign-in service; the one sent, if any, was not accepted (unknown, revoked, expired or not valid).",
            new() { ["errors"] = new[] { new { pointer = "Authorization", rule = "authentication", message = "A valid API key or bearer token is required." } } });

    /// <summary>A 403 naming the scope the caller lacks.</summary>
    public static ProblemHttpResult MissingScope(string? scope) =>
        Create(StatusCodes.Status403Forbidden, "forbidden", "The caller may not do this.",
            scope is null ? "The caller's key or role does not allow this." : $"This needs the scope '{scope}', which the caller's key or role does not grant.",
            new() { ["errors"] = new[] { new { pointer = "scope", rule = "scope", message = scope ?? "missing scope" } }, ["requiredScope"] = scope });

    /// <summary>A 403 for a parameter or field the caller is not allowed to use (another municipality, a source, a ceiling).</summary>
    public static ProblemHttpResult Forbidden(string field, string rule, string message) =>
        Create(StatusCodes.Status403Forbidden, "forbidden", "The caller may not do this.", message,
            new() { ["errors"] = new[] { new { pointer = field, rule, message } } });

    /// <summary>A 429 with how long to wait.</summary>
    public static ProblemHttpResult TooManyRequests(TimeSpan? retryAfter) =>
        Create(StatusCodes.Status429TooManyRequests, "too-many-requests", "Too many requests.",
            $"The caller's rate limit is used up; try again in {Math.Max(1, (int)Math.Ceiling(retryAfter?.TotalSeconds ?? 1))} s (Hub:Security:RateLimit).",
            new() { ["errors"] = new[] { new { pointer = "Authorization", rule = "rateLimit", message = "rate limit per caller exceeded" } } });

    private static object ToJson(ValidationError e) => new { pointer = e.Pointer, rule = e.Rule, message = e.Message };

    private static ProblemHttpResult Create(int status, string type, string title, string detail, Dictionary<string, object?> extensions) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypeBase + type, extensions: extensions);
}
