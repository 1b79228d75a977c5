namespace IntegrationHub.Adapters.Fgs.Model;

/// <summary>An FGS Ärendehantering delivery (<c>Leveransobjekt</c>), read whole and valid.</summary>
/// <param name="FileName">The XML file's name.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the file's bytes.</param>
/// <param name="Cases">ArkivobjektListaArenden/ArkivobjektArende, in file order.</param>
/// <param name="Documents">ArkivobjektListaHandlingar/ArkivobjektHandling directly under the root (a delivery of documents without their cases).</param>
public sealed record FgsDelivery(string FileName, string Sha256, IReadOnlyList<FgsCase> Cases, IReadOnlyList<FgsDocument> Documents);
