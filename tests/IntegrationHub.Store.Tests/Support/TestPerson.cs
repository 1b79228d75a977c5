using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store.Tests.Support;

/// <summary>A fictional person with a valid personnummer.</summary>
internal sealed record TestPerson(string Name, PartyIdentity Identity)
{
    public static TestPerson Born(string name, string elevenDigits) =>
        new(name, new PartyIdentity(IdentityType.Personnummer, Personnummer.WithCheckDigit(elevenDigits)));

    /// <summary>A fictional address on the reserved example.se domain.</summary>
    public string Email => $"{Name.Replace(' ', '.').ToLowerInvariant()}@example.se";

    public override string ToString() => Name;
}
