namespace IntegrationHub.Store.Security;

/// <summary>The append-only audit log of reads of personal data and of administrative acts.</summary>
public interface IAuditTrail
{
    /// <summary>Appends an entry; returns its id.</summary>
    Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries matching the query, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}
