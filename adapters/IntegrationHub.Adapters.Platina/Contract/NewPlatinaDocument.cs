namespace IntegrationHub.Adapters.Platina.Contract;

/// <summary>The body of <c>POST /cases/{id}/documents</c>; <see cref="ExternalId"/> makes it idempotent.</summary>
internal sealed record NewPlatinaDocument(string ExternalId, string Title, string? DocumentType, string Direction, DateTimeOffset Date, IReadOnlyList<NewPlatinaFile> Files)
{
    /// <summary>Without the title, which may describe a person.</summary>
    public override string ToString() => $"NewPlatinaDocument {{ ExternalId = {ExternalId}, Files = {Files.Count} }}";
}
