namespace IntegrationHub.Adapters.Platina.Contract;

/// <summary>A file of a new document, its bytes in base64.</summary>
internal sealed record NewPlatinaFile(string Name, string MediaType, long Size, string Sha256, string Content)
{
    /// <summary>Without the content.</summary>
    public override string ToString() => $"NewPlatinaFile {{ Sha256 = {Sha256}, Size = {Size} }}";
}
