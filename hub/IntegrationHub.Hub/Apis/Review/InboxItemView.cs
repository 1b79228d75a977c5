using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Review;

namespace IntegrationHub.Hub.Apis.Review;

/// <summary>One item of the registrator's inbox as the API shows it.</summary>
public sealed record InboxItemView(
    long Sequence,
    string Municipality,
    Guid CaseId,
    string? Diary,
    string? Diarienummer,
    int? DocumentNumber,
    OrganisationRef? Unit,
    string? CaseType,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DocumentDate,
    string? ReceivedVia,
    Correspondent? Sender,
    IReadOnlyList<Correspondent> Recipients,
    string Subject,
    string? Routing,
    string? Note,
    IReadOnlyList<ReviewReason> Reasons,
    InboxFlags Flags,
    DataClassification Classification,
    ReviewState State,
    bool Restricted,
    Guid? LinkedCaseId,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    int Version,
    IReadOnlyList<Attachment> Attachments)
{
    /// <summary>The view of a stored item (read with its event).</summary>
    public static InboxItemView From(ReviewItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var data = item.Event?.Event.Data;
        var document = data?.Document;
        return new(
            item.EventSequence, item.Municipality, item.CaseId, item.Diary, item.Diarienummer, item.DocumentNumber,
            item.UnitId is { } unit ? new OrganisationRef(unit, item.UnitName) : null, item.CaseType, item.ReceivedAt, document?.Date,
            item.ReceivedVia, document?.Sender, document?.Recipients ?? [], document?.Title ?? data?.Case.Title ?? string.Empty,
            item.Routing, item.Note, item.Reasons,
            new InboxFlags(item.Reasons.Contains(ReviewReason.PersonalData), item.Reasons.Contains(ReviewReason.SuspectedSecrecy), item.Reasons.Contains(ReviewReason.Unparseable)),
            item.Classification, item.State, item.Restricted, item.LinkedCaseId, item.DecidedAt, item.DecidedBy, item.Version,
            document?.Attachments ?? []);
    }
}

/// <summary>The flags a registrator scans for: personal data found, secrecy suspected, the item could not be read.</summary>
public sealed record InboxFlags(bool PersonalData, bool SuspectedSecrecy, bool Unparseable);

/// <summary>An item with every action taken on it.</summary>
public sealed record InboxItemDetails(InboxItemView Item, IReadOnlyList<InboxActionView> Actions);

/// <summary>One recorded action: what, who, when.</summary>
public sealed record InboxActionView(string Action, string Actor, DateTimeOffset At, System.Text.Json.JsonElement? Details);

/// <summary>A page of the inbox, newest first; <c>next</c> pages on with <c>before</c>.</summary>
public sealed record InboxPage(IReadOnlyList<InboxItemView> Items, long? Next);
