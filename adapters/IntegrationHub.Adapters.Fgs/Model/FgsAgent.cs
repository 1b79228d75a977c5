namespace IntegrationHub.Adapters.Fgs.Model;

/// <summary>FGS <c>Agent</c>: someone who took part in the case, e.g. Handläggare, Sökande, Ombud.</summary>
/// <param name="Role">Roll, as written.</param>
/// <param name="Name">Namn.</param>
/// <param name="Organisation">Organisationsnamn.</param>
/// <param name="Unit">Enhetsnamn.</param>
public sealed record FgsAgent(string Role, string? Name, string? Organisation, string? Unit)
{
    /// <summary>The role only: names are personal data.</summary>
    public override string ToString() => $"FgsAgent {{ Role = {Role} }}";
}
