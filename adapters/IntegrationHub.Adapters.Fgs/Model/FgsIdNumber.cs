namespace IntegrationHub.Adapters.Fgs.Model;

/// <summary>
/// FGS <c>IDnummer</c>: <see cref="Type"/> 1 personnummer or organisationsnummer, 2 samordningsnummer, 3–6 reservnummer.
/// Personal data.
/// </summary>
public sealed record FgsIdNumber(string Value, int Type)
{
    /// <summary>Never prints the value.</summary>
    public override string ToString() => $"FgsIdNumber {{ Type = {Type}, Value = *** }}";
}
