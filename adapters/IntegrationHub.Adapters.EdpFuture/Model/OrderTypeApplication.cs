namespace IntegrationHub.Adapters.EdpFuture.Model;

/// <summary>An order of a service (extra emptying, an extra bag …) for SubmitOrderTypeApplicationV1_4.</summary>
public sealed record OrderTypeApplication
{
    /// <summary>The customer number.</summary>
    public required string CustomerId { get; init; }
    /// <summary>The building.</summary>
    public required string BuildingId { get; init; }
    /// <summary>The service the order is for.</summary>
    public required int ServiceId { get; init; }
    /// <summary>When the customer would like it done.</summary>
    public required DateTimeOffset SuggestedExecutionDate { get; init; }
    /// <summary>The customer's comment.</summary>
    public string? Comment { get; init; }
    /// <summary>The order type as GetRenhOrderTypesForService / GetVaOrderTypesForService gave it, with quantities filled in.</summary>
    public required OrderType OrderType { get; init; }
    /// <summary>Future's flag for using <see cref="SuggestedExecutionDate"/>.</summary>
    public bool ParameterForUseDate { get; init; }
    /// <summary>E-mail for the receipt.</summary>
    public string? Email { get; init; }
    /// <summary>Store <see cref="Email"/> on the customer.</summary>
    public bool UpdateEmail { get; init; }
    /// <summary>Mobile phone.</summary>
    public string? MobilePhone { get; init; }
    /// <summary>The tenant, when a tenant orders.</summary>
    public int TenantId { get; init; }

    /// <summary>Ids only.</summary>
    public override string ToString() => $"OrderTypeApplication {{ ServiceId = {ServiceId}, OrderType = {OrderType.Id} }}";
}
