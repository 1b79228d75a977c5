namespace IntegrationHub.Store;

/// <summary>The diary numbers written back onto a stored event.</summary>
/// <param name="Diarienummer">The case's diarienummer.</param>
/// <param name="DocumentNumber">The document's löpnummer within the case, when the event registered a document.</param>
public sealed record EventRegistration(string Diarienummer, int? DocumentNumber);
