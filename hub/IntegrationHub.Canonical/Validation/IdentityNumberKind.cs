namespace IntegrationHub.Canonical.Validation;

/// <summary>The kind of personal identity number found by <see cref="SwedishIdentityNumbers.FindPersonalIdentityNumbers"/>.</summary>
public enum IdentityNumberKind
{
    /// <summary>A personnummer (personal identity number).</summary>
    Personnummer = 0,

    /// <summary>A samordningsnummer (co-ordination number; day of birth plus 60).</summary>
    Samordningsnummer,
}
