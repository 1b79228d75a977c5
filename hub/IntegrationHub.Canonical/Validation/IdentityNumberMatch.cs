namespace IntegrationHub.Canonical.Validation;

/// <summary>
/// A personnummer or samordningsnummer found in free text. <see cref="ToString"/> never prints the number.
/// </summary>
/// <param name="Index">Start of the match in the searched text.</param>
/// <param name="Length">Length of the match as written (10 to 13 characters).</param>
/// <param name="Canonical">The number in canonical form: 12 digits, no hyphen. Personal data.</param>
/// <param name="Kind">Personnummer or samordningsnummer.</param>
public sealed record IdentityNumberMatch(int Index, int Length, string Canonical, IdentityNumberKind Kind)
{
    /// <summary>Describes the match without the number itself, so matches can be logged.</summary>
    public override string ToString() => $"{Kind} at {Index} (length {Length})";
}
