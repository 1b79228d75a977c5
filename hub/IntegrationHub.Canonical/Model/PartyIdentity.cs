namespace IntegrationHub.Canonical.Model;

/// <summary>An identity number or opaque party id. Personal data.</summary>
public sealed record PartyIdentity(IdentityType Type, string Value)
{
    /// <summary>Never prints the value: identities must not reach logs.</summary>
    public override string ToString() => $"{Type}:***";
}
