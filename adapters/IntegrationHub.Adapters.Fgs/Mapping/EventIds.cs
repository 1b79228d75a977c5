using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Adapters.Fgs.Mapping;

/// <summary>
/// Event ids built from the delivery's own designations, so the same delivery imported twice (or a later export of the
/// same case) gives the same ids and the hub drops what it already has: <c>fgs-{system}-{ArkivobjektID}-opened</c>,
/// <c>…-doc-{document ArkivobjektID}</c>, <c>…-decided-{n}</c>, <c>…-closed</c>.
/// </summary>
internal static class EventIds
{
    private const int MaxLength = 200;

    public static string Opened(string system, string caseId) => Id(system, caseId, "opened");

    public static string Document(string system, string caseId, string documentId) => Id(system, caseId, "doc-" + documentId);

    public static string Decided(string system, string caseId, int number) => Id(system, caseId, FormattableString.Invariant($"decided-{number}"));

    public static string Closed(string system, string caseId) => Id(system, caseId, "closed");

    private static string Id(string system, string caseId, string suffix)
    {
        var id = $"fgs-{system}-{caseId}-{suffix}";
        // CloudEvents ids here are at most 200 characters; a very long designation is replaced by its hash.
        return id.Length <= MaxLength ? id : $"fgs-{system}-{Hash(caseId + "\n" + suffix)}";
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
