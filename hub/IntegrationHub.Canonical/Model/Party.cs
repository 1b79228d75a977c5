namespace IntegrationHub.Canonical.Model;

/// <summary>A party in the case. Personal data.</summary>
public sealed record Party
{
    /// <summary>The party's role.</summary>
    public required PartyRole Role { get; init; }
    /// <summary>Identity number or party id.</summary>
    public PartyIdentity? Identity { get; init; }
    /// <summary>Name.</summary>
    public string? Name { get; init; }
    /// <summary>Skyddad identitet: the person's details must be protected.</summary>
    public bool? ProtectedIdentity { get; init; }
    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }
    /// <summary>Phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>The role only: names, numbers and addresses are personal data.</summary>
    public override string ToString() => $"Party {{ Role = {Role} }}";
}
