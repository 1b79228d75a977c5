using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>The adapter's names in the canonical model: source, ids, and keys made to fit the schema's patterns.</summary>
internal static partial class PlatinaKeys
{
    /// <summary>The sourceSystem key of Platina cases.</summary>
    public const string SourceSystem = "platina";

    /// <summary>The CloudEvents source of events about Platina cases.</summary>
    public static string Source(string municipality) => $"urn:integrationhub:platina:{municipality}";

    /// <summary>The id of the canonical event for a Platina event: the same Platina event always gives the same id.</summary>
    public static string EventId(string platinaEventId) => Bounded("platina-" + platinaEventId);

    /// <summary>The id of the event that links a hub case with the Platina case created for it.</summary>
    public static string LinkedEventId(string platinaCaseId) => Bounded("platina-linked-" + platinaCaseId);

    /// <summary>The CloudEvents subject of a Platina case.</summary>
    public static string Subject(string platinaCaseId) => $"platina/{platinaCaseId}";

    /// <summary>An OrganisationRef id (letters, digits, '.', '_', '-', at most 50), or null when nothing is left.</summary>
    public static string? OrganisationId(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var id = Dashes().Replace(NotOrganisationChars().Replace(Fold(raw.Trim()), "-"), "-").Trim('-');
        return id.Length == 0 ? null : id[..Math.Min(id.Length, 50)];
    }

    /// <summary>A case type key (lowercase letters, digits and dashes) made from a Platina case type, e.g. "Medborgarförslag" → "medborgarforslag".</summary>
    public static string? CaseTypeKey(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var key = NotKeyChars().Replace(Fold(raw.Trim().ToLowerInvariant()), "-").Trim('-');
        return key.Length == 0 ? null : key[..Math.Min(key.Length, 100)];
    }

    /// <summary>Text cut to the schema's maximum.</summary>
    public static string? Cut(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Bounded(string id) =>
        id.Length <= 200 ? id : id[..135] + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private static string Fold(string text) => text
        .Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Replace('é', 'e')
        .Replace('Å', 'A').Replace('Ä', 'A').Replace('Ö', 'O').Replace('É', 'E');

    [GeneratedRegex("[^A-Za-z0-9._-]+", RegexOptions.CultureInvariant, 250)]
    private static partial Regex NotOrganisationChars();

    [GeneratedRegex("-{2,}", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Dashes();

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant, 250)]
    private static partial Regex NotKeyChars();
}
