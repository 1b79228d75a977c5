namespace IntegrationHub.Store.Security;

/// <summary>
/// One read (or administrative act) in the audit log: who, what, when and from where. Append-only:
/// no API changes or deletes an entry. <see cref="Subject"/> may be a personnummer (the person whose
/// timeline was read): the audit log is itself personal data, readable by administrators only.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Assigned by the store, increasing; 0 before it is stored.</summary>
    public long Id { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The municipality whose data was read, or <c>*</c> for installation-wide acts.</summary>
    public required string Municipality { get; init; }

    /// <summary>Who: <c>key:{id}</c> for a system, <c>user:{subject}</c> for a person, with a citizen (<c>citizen:…</c>) where a portal asserted one.</summary>
    public required string Actor { get; init; }

    /// <summary>The actor's display name (key name, person's name claim) at the time.</summary>
    public string? ActorName { get; init; }

    /// <summary>What was done, e.g. <c>timeline.read</c>, <c>case.read</c>, <c>cases.search</c>, <c>content.read</c>, <c>key.create</c>.</summary>
    public required string Action { get; init; }

    /// <summary>What kind of thing: <c>person</c>, <c>case</c>, <c>registration</c>, <c>content</c>, <c>key</c>, <c>feed</c>…</summary>
    public required string ResourceType { get; init; }

    /// <summary>Which one: a case id, a personnummer, a content hash, a query.</summary>
    public string? Resource { get; init; }

    /// <summary>How many records the answer held, where that means something.</summary>
    public int? Count { get; init; }

    /// <summary>From where: the client's IP address.</summary>
    public string? ClientAddress { get; init; }

    /// <summary>The request's trace identifier, to join with application logs.</summary>
    public string? TraceId { get; init; }

    /// <summary>The answer's HTTP status (200, 403 …).</summary>
    public int Status { get; init; }
}
