namespace IntegrationHub.Adapters.Fgs.Model;

/// <summary>FGS <c>ArendeRelation</c>: a reference to another case.</summary>
/// <param name="Target">The related case's designation (the element's text).</param>
/// <param name="Type">@Typ: Ersätter, Är ersatt med, Referens, Refereras av or Egen relationsdefinition.</param>
/// <param name="OtherType">@AnnanTyp, the own definition.</param>
public sealed record FgsCaseRelation(string Target, string? Type, string? OtherType);
