namespace IntegrationHub.Adapters.Platina.Contract;

/// <summary>A party (part) of a new case; for a person with skyddad identitet only the role and the flag are sent.</summary>
internal sealed record NewPlatinaParty(string Role, string? Name, string? IdentityType, string? Identity, string? Email, string? Phone, bool? ProtectedIdentity)
{
    /// <summary>The role only: the rest is personal data.</summary>
    public override string ToString() => $"NewPlatinaParty {{ Role = {Role} }}";
}
