namespace IntegrationHub.Store.Contents;

/// <summary>Content-addressed bytes (documents' files), kept once per SHA-256.</summary>
public interface IContentRepository
{
    /// <summary>Stores the bytes under their SHA-256 unless already stored (then nothing changes).</summary>
    Task PutAsync(string sha256, string mediaType, ReadOnlyMemory<byte> content, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The media type and bytes stored under the SHA-256, or null.</summary>
    Task<(string MediaType, byte[] Content)?> GetAsync(string sha256, CancellationToken cancellationToken);
}
