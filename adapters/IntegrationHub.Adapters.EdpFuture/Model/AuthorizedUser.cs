namespace IntegrationHub.Adapters.EdpFuture.Model;

/// <summary>A person allowed to act for a Future customer (GetAuthorizedUsers). Personal data.</summary>
public sealed record AuthorizedUser
{
    /// <summary>The customer the user may act for.</summary>
    public required int CustomerId { get; init; }
    /// <summary>First name.</summary>
    public string? FirstName { get; init; }
    /// <summary>Last name.</summary>
    public string? LastName { get; init; }
    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }
    /// <summary>Mobile phone.</summary>
    public string? MobilePhone { get; init; }
    /// <summary>The role, e.g. Owner, Customer, Tenant.</summary>
    public string? Role { get; init; }
    /// <summary>The tenant id, for a tenant.</summary>
    public int? TenantId { get; init; }
    /// <summary>Wants notices by e-mail.</summary>
    public bool NotifyByEmail { get; init; }
    /// <summary>Wants notices by SMS.</summary>
    public bool NotifyBySms { get; init; }
    /// <summary>Buildings the user may see (none listed: all of the customer's).</summary>
    public IReadOnlyList<string> ApprovedBuildings { get; init; } = [];
    /// <summary>E-services the user may use, e.g. Order, Complaint.</summary>
    public IReadOnlyList<string> ApprovedEServices { get; init; } = [];

    /// <summary>Ids only.</summary>
    public override string ToString() => $"AuthorizedUser {{ CustomerId = {CustomerId}, Role = {Role} }}";
}
