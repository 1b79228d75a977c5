namespace IntegrationHub.Store.Security;

/// <summary>Which audit entries to read; null criteria match everything. Newest first.</summary>
public sealed record AuditQuery
{
    /// <summary>Only this municipality's entries (installation-wide ones are included only when null).</summary>
    public string? Municipality { get; init; }

    /// <summary>Only this actor (exact).</summary>
    public string? Actor { get; init; }

    /// <summary>Only this action (exact).</summary>
    public string? Action { get; init; }

    /// <summary>Only this resource (exact), e.g. one personnummer: who looked at this person?</summary>
    public string? Resource { get; init; }

    /// <summary>At or after.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Before.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Entries with an id below this (paging backwards); null = from the newest.</summary>
    public long? BeforeId { get; init; }

    /// <summary>At most this many (1–1000).</summary>
    public int Limit { get; init; } = 100;
}
