using System.Text.Json;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Store;

namespace IntegrationHub.Hub.Apis;

/// <summary>A stored event as the API shows it: the CloudEvent plus the hub's log position and case.</summary>
public sealed record FeedItem(long Sequence, DateTimeOffset ReceivedAt, Guid? CaseId, EventRegistration? Registration, JsonElement Event)
{
    /// <summary>Maps a stored event.</summary>
    public static FeedItem From(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.Sequence, stored.ReceivedAt, stored.CaseId, stored.Registration, CaseEventFormatter.ToJsonElement(stored.Event));
    }
}
