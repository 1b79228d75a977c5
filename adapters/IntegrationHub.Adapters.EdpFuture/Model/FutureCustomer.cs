namespace IntegrationHub.Adapters.EdpFuture.Model;

/// <summary>A Future customer (GetCustomerById). Personal data.</summary>
public sealed record FutureCustomer
{
    /// <summary>Customer number (kundnummer).</summary>
    public required int Id { get; init; }
    /// <summary>Name.</summary>
    public string? Name { get; init; }
    /// <summary>Personnummer or organisationsnummer as Future stores it.</summary>
    public string? IdentityNumber { get; init; }
    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }
    /// <summary>Phone.</summary>
    public string? Phone { get; init; }
    /// <summary>Mobile phone.</summary>
    public string? Mobile { get; init; }
    /// <summary>Accepts e-mail (epostOk).</summary>
    public bool EmailOk { get; init; }
    /// <summary>Accepts SMS (SMSOK).</summary>
    public bool SmsOk { get; init; }

    /// <summary>Id only.</summary>
    public override string ToString() => $"FutureCustomer {{ Id = {Id} }}";
}
