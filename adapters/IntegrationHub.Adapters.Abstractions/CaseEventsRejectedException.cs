namespace IntegrationHub.Adapters.Abstractions;

/// <summary>Thrown when submitted events break the canonical schema; nothing was stored.</summary>
public sealed class CaseEventsRejectedException : Exception
{
    /// <summary>Creates the exception for the rejected events.</summary>
    public CaseEventsRejectedException(IReadOnlyList<RejectedEvent> rejected)
        : base($"{rejected.Count} event(s) break the Sambruk case-event schema; nothing was stored.") => Rejected = rejected;

    /// <summary>Creates the exception with a message only.</summary>
    public CaseEventsRejectedException() : this([]) { }

    /// <summary>Creates the exception with a message only.</summary>
    public CaseEventsRejectedException(string message) : base(message) => Rejected = [];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public CaseEventsRejectedException(string message, Exception innerException) : base(message, innerException) => Rejected = [];

    /// <summary>The events that failed and why.</summary>
    public IReadOnlyList<RejectedEvent> Rejected { get; }
}
