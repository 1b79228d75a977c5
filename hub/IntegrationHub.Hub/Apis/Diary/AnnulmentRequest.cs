namespace IntegrationHub.Hub.Apis.Diary;

/// <summary>Annul (makulera) a registration, e.g. a document of trivial importance (ringa betydelse).</summary>
public sealed record AnnulmentRequest(string? Reason, string? ChangedBy);
