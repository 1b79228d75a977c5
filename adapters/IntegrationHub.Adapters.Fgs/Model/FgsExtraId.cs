namespace IntegrationHub.Adapters.Fgs.Model;

/// <summary>FGS <c>ExtraID</c>: another designation of the case or document, e.g. the counterpart's diarienummer.</summary>
/// <param name="Value">The designation.</param>
/// <param name="Type">@ExtraIDTyp, what kind it is.</param>
public sealed record FgsExtraId(string Value, string? Type);
