using System.Security.Cryptography;

namespace IntegrationHub.Adapters.EServices.Push.Mapping;

/// <summary>A file to store with the submission: the submission itself, or one decoded attachment.</summary>
internal sealed record SubmittedFile(string Name, string MediaType, byte[] Content)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));
}
