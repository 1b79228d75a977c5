namespace IntegrationHub.Adapters.EdpFuture.Model;

/// <summary>A complaint (klagomål, e.g. "kärlet har inte tömts") for SubmitComplaintApplicationV1_4.</summary>
public sealed record ComplaintApplication
{
    /// <summary>The customer number.</summary>
    public required string CustomerId { get; init; }
    /// <summary>The building's id.</summary>
    public required string BuildingId { get; init; }
    /// <summary>The building's address, as Future wants it repeated (optional).</summary>
    public FutureBuilding? Building { get; init; }
    /// <summary>When it happened.</summary>
    public required DateTimeOffset EventDate { get; init; }
    /// <summary>The customer's description.</summary>
    public string? Comment { get; init; }
    /// <summary>The errand type, as GetErrandTypesAllowedForWeb lists it.</summary>
    public required string ErrandType { get; init; }
    /// <summary>What it regards (gäller).</summary>
    public string? ErrandRegards { get; init; }
    /// <summary>The service it concerns.</summary>
    public int ServiceId { get; init; }
    /// <summary>Future's flag for using <see cref="EventDate"/>.</summary>
    public bool ParameterForUseDate { get; init; }
    /// <summary>Time of day as text, e.g. 07:30.</summary>
    public string? Time { get; init; }
    /// <summary>E-mail for the receipt.</summary>
    public string? Email { get; init; }
    /// <summary>Store <see cref="Email"/> on the customer.</summary>
    public bool UpdateEmail { get; init; }
    /// <summary>Mobile phone.</summary>
    public string? MobilePhone { get; init; }
    /// <summary>Pictures.</summary>
    public IReadOnlyList<ComplaintImage> Images { get; init; } = [];
    /// <summary>The tenant, when a tenant complains.</summary>
    public int? TenantId { get; init; }

    /// <summary>Ids only.</summary>
    public override string ToString() => $"ComplaintApplication {{ ServiceId = {ServiceId}, Images = {Images.Count} }}";
}
