using IntegrationHub.Store;
using IntegrationHub.Store.Review;

namespace IntegrationHub.Hub.Review;

/// <summary>
/// The pipeline's last step: an event whose source asked for review (<c>data.review</c>) becomes an item in the
/// registrator's inbox, with the numbers the diary just gave it. Same transaction as the rest of the pipeline;
/// a redelivered event adds nothing.
/// </summary>
public sealed class ReviewInbox(IReviewStore reviews)
{
    /// <summary>Adds the inbox item, if the event asks for one.</summary>
    public async Task AddAsync(IStoreSession session, StoredEvent stored, CaseRecord caseRecord, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(caseRecord);
        if (stored.Event.Data.Review is not { } review)
        {
            return;
        }

        var document = await session.Diary.FindByEventAsync(stored.Sequence, cancellationToken);
        var registration = document ?? await session.Diary.FindCaseRegistrationAsync(caseRecord.Id, cancellationToken);
        await reviews.AddAsync(session, new ReviewItem
        {
            EventSequence = stored.Sequence,
            Municipality = caseRecord.Municipality,
            CaseId = caseRecord.Id,
            Diary = registration?.Diary,
            Diarienummer = registration?.Diarienummer ?? caseRecord.Diarienummer?.Value,
            DocumentNumber = document?.DocumentNumber,
            UnitId = caseRecord.Unit?.Id,
            UnitName = caseRecord.Unit?.Name,
            CaseType = caseRecord.CaseType,
            Reasons = review.Reasons,
            ReceivedVia = review.ReceivedVia,
            Routing = review.Routing,
            Note = review.Note,
            Classification = stored.Event.DataClassification,
            ReceivedAt = stored.ReceivedAt,
            State = ReviewState.Pending,
            Version = 1,
        }, cancellationToken);
    }
}
