using System.Text.Json;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Hub.Apis.Review;
using IntegrationHub.Hub.Review;
using IntegrationHub.Hub.Security;
using IntegrationHub.Store.Contents;
using IntegrationHub.Store.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Hub.Apis;

/// <summary>
/// The registrator's inbox (registratorns inkorg): automatic registrations to review, and the actions on them. Every
/// action is recorded with who and when; actions may name the item <c>version</c> they expect (409 when it moved on).
/// </summary>
public static class RegistratorInboxApi
{
    private const int DefaultLimit = 50;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapRegistratorInboxApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/registrator/inbox").WithTags("Registrator").RequireScope(HubScopes.Registrator);
        AuditRecorder.Audited(group.MapGet("/", List).WithSummary("Automatic registrations to review, newest first, per diary, unit and state"),
            "inbox.list", "inbox", c => c.Request.QueryString.Value, c => c.Request.Query["municipality"].FirstOrDefault());
        AuditRecorder.Audited(group.MapGet("/{sequence:long}", Get).WithSummary("One item with every action taken on it"),
            "inbox.read", "inbox-item", c => c.Request.RouteValues["sequence"] as string);
        group.MapPost("/{sequence:long}/confirm", Confirm).WithSummary("Confirm the registration as it stands");
        group.MapPost("/{sequence:long}/reclassify", Reclassify).WithSummary("Route the case to another unit and/or case type");
        group.MapPost("/{sequence:long}/link", Link).WithSummary("Register the document on an existing case instead");
        group.MapPost("/{sequence:long}/annul", Annul).WithSummary("Annul as of trivial importance (ringa betydelse), with a reason");
        group.MapPost("/{sequence:long}/restriction", Restrict).WithSummary("Add a sekretessmarkering");
        AuditRecorder.Audited(
            routes.MapGet("/api/v1/contents/{sha256}", GetContent).WithTags("Documents").RequireAuthorization()
                .WithSummary("A document's file, by its SHA-256 (as referenced from the event's attachments); for callers with registrator or cases:read who may see an event that references it"),
            "content.read", "content", c => c.Request.RouteValues["sha256"] as string);
        return routes;
    }

    private static async Task<Results<Ok<InboxPage>, ProblemHttpResult>> List(
        HttpContext context, HubCaller caller, IReviewStore reviews, CancellationToken cancellationToken,
        string? municipality = null, string? diary = null, string? unit = null, string? state = null, long? before = null, int? limit = null)
    {
        (municipality, var problem) = caller.Resolve(municipality, required: true);
        if ((problem ?? QueryParameters.CheckRange("limit", limit, 1, QueryParameters.MaxLimit)) is { } invalid)
        {
            return invalid;
        }

        ReviewState? wanted = null;
        if (state is not null && state != "all")
        {
            if (!Enum.TryParse<ReviewState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.InvalidParameter("state", "enum", "state must be one of: pending, confirmed, annulled, linked, all.");
            }

            wanted = parsed;
        }

        var size = limit ?? DefaultLimit;
        var items = await reviews.ListAsync(new ReviewQuery(municipality!, diary, unit, state is null ? ReviewState.Pending : wanted, before, size), cancellationToken);
        IReadOnlyList<InboxItemView> visible = [.. items.Where(i => caller.MaySee(i.Classification)).Select(InboxItemView.From)];
        AuditRecorder.SetCount(context, visible.Count);
        return TypedResults.Ok(new InboxPage(visible, items.Count == size ? items[^1].EventSequence : null));
    }

    private static async Task<Results<Ok<InboxItemDetails>, ProblemHttpResult>> Get(long sequence, HttpContext context, HubCaller caller, IReviewStore reviews, CancellationToken cancellationToken)
    {
        if (await reviews.GetAsync(sequence, cancellationToken) is not { } item || !caller.MaySee(item.Municipality, item.Classification))
        {
            return Problems.NotFound("inbox item");
        }

        AuditRecorder.SetMunicipality(context, item.Municipality);
        return TypedResults.Ok(await DetailsAsync(reviews, item, cancellationToken));
    }

    private static Task<Results<Ok<InboxItemDetails>, ProblemHttpResult>> Confirm(long sequence, ConfirmRequest request, HubCaller caller, RegistratorReview review, IReviewStore reviews, CancellationToken cancellationToken) =>
        ActAsync(sequence, caller, reviews, () => review.ConfirmAsync(sequence, request.Version, caller.ActingAs(request.ChangedBy), cancellationToken), cancellationToken);

    private static Task<Results<Ok<InboxItemDetails>, ProblemHttpResult>> Reclassify(long sequence, ReclassifyRequest request, HubCaller caller, RegistratorReview review, IReviewStore reviews, CancellationToken cancellationToken) =>
        request.Unit is { } unit && string.IsNullOrWhiteSpace(unit.Id)
            ? Task.FromResult<Results<Ok<InboxItemDetails>, ProblemHttpResult>>(Problems.InvalidParameter("unit.id", "required", "Give the unit's id (unit.id), e.g. bygglov."))
            : ActAsync(sequence, caller, reviews, () => review.ReclassifyAsync(sequence, request.Version, caller.ActingAs(request.ChangedBy), request.Unit, request.CaseType, cancellationToken), cancellationToken);

    private static Task<Results<Ok<InboxItemDetails>, ProblemHttpResult>> Link(long sequence, LinkReviewRequest request, HubCaller caller, RegistratorReview review, IReviewStore reviews, CancellationToken cancellationToken) =>
        ActAsync(sequence, caller, reviews, () => review.LinkAsync(sequence, request.Version, caller.ActingAs(request.ChangedBy), request.CaseId, request.Diarienummer, cancellationToken), cancellationToken);

    private static Task<Results<Ok<InboxItemDetails>, ProblemHttpResult>> Annul(long sequence, AnnulReviewRequest request, HubCaller caller, RegistratorReview review, IReviewStore reviews, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.Reason)
            ? Task.FromResult<Results<Ok<InboxItemDetails>, ProblemHttpResult>>(Problems.InvalidParameter("reason", "required", "Say why the registration is annulled (reason), e.g. \"Ringa betydelse: reklam\"; it is kept in the registration's history."))
            : ActAsync(sequence, caller, reviews, () => review.AnnulAsync(sequence, request.Version, caller.ActingAs(request.ChangedBy), request.Reason, cancellationToken), cancellationToken);

    private static Task<Results<Ok<InboxItemDetails>, ProblemHttpResult>> Restrict(long sequence, RestrictReviewRequest request, HubCaller caller, RegistratorReview review, IReviewStore reviews, CancellationToken cancellationToken) =>
        request.Type is not { } type
            ? Task.FromResult<Results<Ok<InboxItemDetails>, ProblemHttpResult>>(Problems.InvalidParameter("type", "required", "Give the restriction type: Sekretess, Integritet or Annan typ."))
            : ActAsync(sequence, caller, reviews, () => review.MarkRestrictedAsync(sequence, request.Version, caller.ActingAs(request.ChangedBy), type, request.LegalReference, request.Explanation, cancellationToken), cancellationToken);

    /// <summary>Acts on an item the caller may see (else 404, as if it did not exist).</summary>
    private static async Task<Results<Ok<InboxItemDetails>, ProblemHttpResult>> ActAsync(
        long sequence, HubCaller caller, IReviewStore reviews, Func<Task<ReviewItem>> act, CancellationToken cancellationToken)
    {
        if (await reviews.GetAsync(sequence, cancellationToken) is { } current && !caller.MaySee(current.Municipality, current.Classification))
        {
            return Problems.NotFound("inbox item");
        }

        try
        {
            return TypedResults.Ok(await DetailsAsync(reviews, await act(), cancellationToken));
        }
        catch (KeyNotFoundException)
        {
            return Problems.NotFound("inbox item");
        }
        catch (ReviewException e) when (e.Field is { } field)
        {
            return Problems.InvalidParameter(field, e.Rule ?? "invalid", e.Message);
        }
        catch (ReviewException e)
        {
            return Problems.Conflict(e.Message);
        }
    }

    private static async Task<InboxItemDetails> DetailsAsync(IReviewStore reviews, ReviewItem item, CancellationToken cancellationToken)
    {
        var actions = await reviews.GetActionsAsync(item.EventSequence, cancellationToken);
        return new InboxItemDetails(InboxItemView.From(item),
            [.. actions.Select(a => new InboxActionView(a.Action, a.Actor, a.At, a.Details is null ? null : JsonSerializer.Deserialize<JsonElement>(a.Details)))]);
    }

    private static async Task<IResult> GetContent(
        string sha256, HttpContext context, HubCaller caller, IContentStore contents, IContentReferences references, CancellationToken cancellationToken)
    {
        if (!caller.Has(HubScopes.Registrator) && !caller.Has(HubScopes.CasesRead))
        {
            return Problems.MissingScope($"{HubScopes.Registrator} or {HubScopes.CasesRead}");
        }

        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            return Problems.InvalidParameter("sha256", "pattern", "sha256 is the content's SHA-256 as 64 lowercase hexadecimal digits.");
        }

        // Served only when the caller may see an event that references it: a document is as secret as its event.
        var seenIn = (await references.FindAsync(sha256, 100, cancellationToken)).FirstOrDefault(r => caller.MaySee(r.Municipality, r.Classification));
        if (seenIn is null)
        {
            return Problems.NotFound("content");
        }

        AuditRecorder.SetMunicipality(context, seenIn.Municipality);
        return await contents.GetAsync(sha256, cancellationToken) is { } blob
            ? TypedResults.File(blob.Content.ToArray(), blob.MediaType, enableRangeProcessing: true)
            : Problems.NotFound("content");
    }
}
