namespace IntegrationHub.Adapters.Fgs.Mapping;

/// <summary>An attachment file that exists inside the delivery folder and matches its Bilaga.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Sha256">Lowercase hex SHA-256.</param>
/// <param name="Size">Bytes.</param>
internal sealed record VerifiedFile(string Path, string Sha256, long Size);
